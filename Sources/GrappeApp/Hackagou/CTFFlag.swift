import Fluent
import Foundation
import GrappeDomain

/// One accepted answer of a challenge.
final class CTFFlag: Model, @unchecked Sendable {
    static let schema = "ctf_flags"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "challenge_id") var challenge: CTFChallenge
    @Enum(key: "kind") var kind: FlagRule.Kind
    @Field(key: "content") var content: String
    @Field(key: "case_insensitive") var caseInsensitive: Bool

    init() {}

    init(challengeID: Int, rule: FlagRule) {
        self.$challenge.id = challengeID
        self.kind = rule.kind
        self.content = rule.content
        self.caseInsensitive = rule.caseInsensitive
    }

    var rule: FlagRule { FlagRule(kind: kind, content: content, caseInsensitive: caseInsensitive) }
}
