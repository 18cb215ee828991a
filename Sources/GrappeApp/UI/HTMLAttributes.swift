import GrappeDomain

/// Attributes that depend on a condition, and the few trusted fragments, without handing raw
/// strings around: the attribute names are fixed in the code, values are escaped.
extension HTML {
    /// HTML's boolean attributes that Grappe's pages switch on and off.
    enum Flag: String, Sendable {
        case checked, selected, disabled, open, required
    }

    /// ` checked` (or another flag) when `on`, nothing otherwise.
    static func flag(_ flag: Flag, _ on: Bool) -> HTML { on ? HTML(raw: " " + flag.rawValue) : .empty }

    /// ` name="value"`, the value escaped, or nothing without a value. The name is a literal.
    static func attribute(_ name: StaticString, _ value: String?) -> HTML {
        guard let value else { return .empty }
        return HTML(raw: " \(name)=\"\(escape(value))\"")
    }

    /// ` name="value"` when `on`, nothing otherwise.
    static func attribute(_ name: StaticString, _ value: String, when on: Bool) -> HTML {
        attribute(name, on ? value : nil)
    }

    /// Markdown written by staff and members, rendered by Grappe's own safe subset (raw HTML in
    /// the source is escaped, links are limited to http, https and mailto: `Markdown`).
    static func markdown(_ source: String) -> HTML { HTML(raw: Markdown.html(source)) }
}
