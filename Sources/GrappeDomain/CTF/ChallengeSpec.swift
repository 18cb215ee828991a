import Foundation

/// A challenge as an author describes it in ctfcli's `challenge.yml`, validated: the fields
/// Grappe keeps, with the same limits as the staff's challenge form. Read from a `SpecTree`
/// (`ChallengeSpecReader`) and written back to one (`tree`), so an export imports again.
public struct ChallengeSpec: Sendable, Equatable {
    public struct Hint: Sendable, Equatable {
        public var content: String
        public var cost: Int

        public init(content: String, cost: Int) {
            self.content = content
            self.cost = cost
        }
    }

    public var name: String
    public var category: String
    public var author: String
    public var description: String
    public var connectionInfo: String
    public var scoring: ChallengeScoring
    public var flags: [FlagRule]
    public var tags: [String]
    public var hints: [Hint]
    /// Names of the challenges to solve first (in the edition or in the same import).
    public var requirements: [String]
    /// Paths relative to the challenge's folder.
    public var files: [String]
    /// 0: unlimited.
    public var maxAttempts: Int
    public var visible: Bool

    public init(name: String, category: String, author: String = "", description: String = "", connectionInfo: String = "",
                scoring: ChallengeScoring, flags: [FlagRule] = [], tags: [String] = [], hints: [Hint] = [], requirements: [String] = [],
                files: [String] = [], maxAttempts: Int = 0, visible: Bool = false) {
        self.name = name
        self.category = category
        self.author = author
        self.description = description
        self.connectionInfo = connectionInfo
        self.scoring = scoring
        self.flags = flags
        self.tags = tags
        self.hints = hints
        self.requirements = requirements
        self.files = files
        self.maxAttempts = maxAttempts
        self.visible = visible
    }

    /// The limits the staff's form and the CTFd-compatible API apply too.
    public enum Limits {
        public static let name = 120
        public static let category = 60
        public static let author = 120
        public static let description = 20_000
        public static let connectionInfo = 500
        public static let tags = 10
        public static let tag = 40
        public static let hint = 2000
        public static let hintCost = 0...100_000
        public static let attempts = 0...1000
        public static let files = 20
    }

    /// The `challenge.yml` of this challenge, in ctfcli's format (what `ChallengeSpecReader` reads).
    public var tree: SpecTree {
        var pairs: [SpecTree.Pair] = [.init("name", .string(name)), .init("author", .string(author)), .init("category", .string(category)),
                                      .init("description", .string(description))]
        if !connectionInfo.isEmpty { pairs.append(.init("connection_info", .string(connectionInfo))) }
        pairs.append(.init("value", .int(scoring.initial)))
        switch scoring {
        case .fixed:
            pairs.append(.init("type", .string("standard")))
        case .linear(let initial, let decay, let minimum), .logarithmic(let initial, let decay, let minimum):
            pairs.append(.init("type", .string("dynamic")))
            pairs.append(.init("extra", .map([.init("initial", .int(initial)), .init("decay", .int(decay)), .init("minimum", .int(minimum)),
                                              .init("function", .string(scoring.kind))])))
        }
        pairs.append(.init("flags", .list(flags.map { f in
            var flag: [SpecTree.Pair] = [.init("type", .string(f.kind.rawValue)), .init("content", .string(f.content))]
            if f.caseInsensitive { flag.append(.init("data", .string("case_insensitive"))) }
            return .map(flag)
        })))
        if !tags.isEmpty { pairs.append(.init("tags", .list(tags.map { .string($0) }))) }
        if !files.isEmpty { pairs.append(.init("files", .list(files.map { .string($0) }))) }
        if !hints.isEmpty {
            pairs.append(.init("hints", .list(hints.map { .map([.init("content", .string($0.content)), .init("cost", .int($0.cost))]) })))
        }
        if !requirements.isEmpty { pairs.append(.init("requirements", .list(requirements.map { .string($0) }))) }
        if maxAttempts > 0 { pairs.append(.init("attempts", .int(maxAttempts))) }
        pairs.append(.init("state", .string(visible ? "visible" : "hidden")))
        pairs.append(.init("version", .string("0.1")))
        return .map(pairs)
    }
}
