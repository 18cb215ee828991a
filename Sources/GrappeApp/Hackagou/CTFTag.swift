import Fluent
import Foundation

/// A free label of a challenge (difficulty, technique), as ctfcli's `tags`.
final class CTFTag: Model, @unchecked Sendable {
    static let schema = "ctf_tags"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "challenge_id") var challenge: CTFChallenge
    @Field(key: "value") var value: String

    init() {}

    init(challengeID: Int, value: String) {
        self.$challenge.id = challengeID
        self.value = value
    }
}
