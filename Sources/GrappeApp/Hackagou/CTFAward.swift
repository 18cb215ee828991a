import Fluent
import Foundation

/// Points given or taken by staff, or the cost of a hint a team unlocked (negative).
final class CTFAward: Model, @unchecked Sendable {
    static let schema = "ctf_awards"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "edition_id") var edition: CTFEdition
    @Parent(key: "team_id") var team: CTFTeam
    @OptionalField(key: "hint_unlock_id") var hintUnlockID: Int?
    @Field(key: "name") var name: String
    @Field(key: "value") var value: Int
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
