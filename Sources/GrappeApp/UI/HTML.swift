/// A fragment of HTML. Interpolating a `String` (or anything else) escapes it; only another
/// `HTML` value is inserted as is. Every page is built from these, so output is escaped by default.
public struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public let raw: String

    public init(raw: String) { self.raw = raw }
    public init(stringLiteral value: String) { self.raw = value }
    public init(stringInterpolation: Interpolation) { self.raw = stringInterpolation.output }

    public var description: String { raw }

    public static let empty = HTML(raw: "")

    public struct Interpolation: StringInterpolationProtocol {
        var output = ""
        public init(literalCapacity: Int, interpolationCount: Int) { output.reserveCapacity(literalCapacity * 2) }
        public mutating func appendLiteral(_ literal: String) { output += literal }
        public mutating func appendInterpolation(_ html: HTML) { output += html.raw }
        public mutating func appendInterpolation(_ html: HTML?) { output += html?.raw ?? "" }
        public mutating func appendInterpolation(_ parts: [HTML]) { for part in parts { output += part.raw } }
        public mutating func appendInterpolation(_ text: String) { output += HTML.escape(text) }
        public mutating func appendInterpolation(_ text: String?) { output += HTML.escape(text ?? "") }
        public mutating func appendInterpolation<T: CustomStringConvertible>(_ value: T) { output += HTML.escape(value.description) }
    }

    /// Escapes the five characters that matter in text and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for char in text {
            switch char {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(char)
            }
        }
        return out
    }

    public static func join(_ parts: [HTML], separator: HTML = .empty) -> HTML {
        HTML(raw: parts.map(\.raw).joined(separator: separator.raw))
    }
}

extension Array where Element == HTML {
    public func joined(separator: HTML = .empty) -> HTML { HTML.join(self, separator: separator) }
}
