import Fluent
import Foundation
import GrappeDomain

/// A challenge of an edition, with its scoring and visibility.
final class CTFChallenge: Model, @unchecked Sendable {
    static let schema = "ctf_challenges"

    enum State: String, Codable, CaseIterable, Sendable {
        case hidden, visible

        var label: String { self == .hidden ? "masqué" : "visible" }
    }

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "edition_id") var edition: CTFEdition
    @Field(key: "category") var category: String
    @Field(key: "name") var name: String
    /// Markdown, rendered escaped.
    @Field(key: "description") var about: String
    @Field(key: "connection_info") var connectionInfo: String
    @Field(key: "author") var author: String
    /// `static`, `linear` or `logarithmic`, as `ChallengeScoring.kind`.
    @Field(key: "scoring") var scoringKind: String
    @Field(key: "initial") var initial: Int
    @Field(key: "decay") var decay: Int
    @Field(key: "minimum") var minimum: Int
    /// 0: unlimited.
    @Field(key: "max_attempts") var maxAttempts: Int
    @Enum(key: "state") var state: State
    /// A hidden challenge shows itself at this time (scheduled).
    @OptionalField(key: "visible_from") var visibleFrom: Date?
    @Field(key: "position") var position: Int
    @Children(for: \.$challenge) var flags: [CTFFlag]
    @Children(for: \.$challenge) var hints: [CTFHint]
    @Children(for: \.$challenge) var tags: [CTFTag]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var scoring: ChallengeScoring {
        get {
            switch scoringKind {
            case "linear": .linear(initial: initial, decay: decay, minimum: minimum)
            case "logarithmic": .logarithmic(initial: initial, decay: decay, minimum: minimum)
            default: .fixed(initial)
            }
        }
        set {
            scoringKind = newValue.kind
            initial = newValue.initial
            switch newValue {
            case .fixed: decay = 0; minimum = 0
            case .linear(_, let d, let m), .logarithmic(_, let d, let m): decay = d; minimum = m
            }
        }
    }
}
