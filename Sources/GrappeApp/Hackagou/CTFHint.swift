import Fluent
import Foundation

/// A hint of a challenge; unlocking it costs the team `cost` points.
final class CTFHint: Model, @unchecked Sendable {
    static let schema = "ctf_hints"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "challenge_id") var challenge: CTFChallenge
    @Field(key: "content") var content: String
    @Field(key: "cost") var cost: Int
    @Field(key: "position") var position: Int

    init() {}

    init(challengeID: Int, content: String, cost: Int, position: Int) {
        self.$challenge.id = challengeID
        self.content = content
        self.cost = cost
        self.position = position
    }
}
