import Foundation

/// One accepted answer of a challenge, as CTFd's flag plug-ins define them: a static text
/// (compared in constant time, optionally ignoring case) or a regular expression that must match
/// the whole submission.
public struct FlagRule: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case `static`
        case regex

        public var label: String { self == .static ? "texte exact" : "expression régulière" }
    }

    public let kind: Kind
    public let content: String
    public let caseInsensitive: Bool

    public init(kind: Kind, content: String, caseInsensitive: Bool = false) {
        self.kind = kind
        self.content = content
        self.caseInsensitive = caseInsensitive
    }

    /// Why an author's flag cannot be used, in French; nil when it can.
    public var problem: String? {
        if content.isEmpty { return "Le flag est vide." }
        if content.count > Submission.maxLength { return "Le flag dépasse \(Submission.maxLength) caractères." }
        if kind == .regex, (try? Regex(content)) == nil { return "L'expression régulière du flag est invalide." }
        return nil
    }

    /// Whether `submission` (already cleaned by `Submission.clean`) is this flag.
    public func matches(_ submission: String) -> Bool {
        switch kind {
        case .static:
            let a = caseInsensitive ? content.lowercased() : content
            let b = caseInsensitive ? submission.lowercased() : submission
            return ConstantTime.equal(Array(a.utf8), Array(b.utf8))
        case .regex:
            guard var regex = try? Regex(content) else { return false }
            if caseInsensitive { regex = regex.ignoresCase() }
            return (try? regex.wholeMatch(in: submission)) != nil
        }
    }
}

/// Comparisons whose duration does not depend on where two secrets differ.
public enum ConstantTime {
    /// True when both byte strings are equal; runs over the longer one whatever the content.
    public static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var diff = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for i in 0..<max(a.count, b.count) {
            diff |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0)
        }
        return diff == 0
    }
}
