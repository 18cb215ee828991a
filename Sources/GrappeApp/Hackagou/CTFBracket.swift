import Fluent
import Foundation

/// A separate ranking of an edition: étudiants, professionnels, lycéens…
final class CTFBracket: Model, @unchecked Sendable {
    static let schema = "ctf_brackets"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "edition_id") var edition: CTFEdition
    @Field(key: "name") var name: String
    /// The report counts student teams.
    @Field(key: "student") var student: Bool
    @Field(key: "position") var position: Int

    init() {}

    init(editionID: Int, name: String, student: Bool, position: Int) {
        self.$edition.id = editionID
        self.name = name
        self.student = student
        self.position = position
    }
}
