import Foundation

/// A decoded YAML document as the domain reads it: what a `challenge.yml` holds, without the
/// YAML library (the app converts its nodes into this and back).
public indirect enum SpecTree: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// A string, or a scalar of another kind (a float, a date) kept as written.
    case string(String)
    case list([SpecTree])
    /// Keys in the order written.
    case map([Pair])

    public struct Pair: Sendable, Equatable {
        public let key: String
        public let value: SpecTree

        public init(_ key: String, _ value: SpecTree) {
            self.key = key
            self.value = value
        }
    }

    /// The value under `key` in a mapping (nil when absent, or when this is not a mapping).
    public subscript(_ key: String) -> SpecTree? {
        guard case .map(let pairs) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// A scalar as text (numbers and booleans as written); nil for a list, a mapping or null.
    public var text: String? {
        switch self {
        case .string(let s): s
        case .int(let i): String(i)
        case .bool(let b): b ? "true" : "false"
        case .null, .list, .map: nil
        }
    }

    /// An integer, or a string holding one (`value: "100"`).
    public var integer: Int? {
        switch self {
        case .int(let i): i
        case .string(let s): Int(s.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }
}
