import GrappeDomain
import Vapor

/// Small pieces of markup shared by the pages.
enum UI {
    static func xpf(_ amount: Int) -> HTML { "<span class=\"num\">\(Money.xpf(amount))</span>" }

    static func emptyState(_ message: String, action: HTML = .empty) -> HTML {
        "<div class=\"empty\"><p>\(message)</p>\(action)</div>"
    }

    static func badge(_ text: String, _ kind: String) -> HTML { "<span class=\"badge badge-\(kind)\">\(text)</span>" }

    static func breadcrumbs(_ items: [(String, String?)]) -> HTML {
        let parts = items.map { item -> HTML in
            if let href = item.1 { return "<a href=\"\(href)\">\(item.0)</a>" }
            return "<span aria-current=\"page\">\(item.0)</span>"
        }
        return "<nav class=\"crumbs\" aria-label=\"Fil d'Ariane\">\(parts.joined(separator: " › "))</nav>"
    }

    /// A POST button with its CSRF token.
    static func postButton(_ req: Request, action: String, label: String, style: String = "secondary", confirm: String? = nil) -> HTML {
        postButton(csrf: CSRF.hiddenField(req), action: action, label: label, style: style, confirm: confirm)
    }

    /// The same, for a view drawn without the request: `csrf` is the page's token field.
    /// `fields`: hidden name → value pairs the button sends.
    static func postButton(csrf: HTML, action: String, label: String, style: String = "secondary", confirm: String? = nil,
                           fields: [(String, String)] = []) -> HTML {
        let confirmAttr = confirm.map { HTML(" data-confirm=\"\($0)\"") } ?? .empty
        let hidden = fields.map { HTML("<input type=\"hidden\" name=\"\($0.0)\" value=\"\($0.1)\">") }
        return "<form method=\"post\" action=\"\(action)\" class=\"inline\"\(confirmAttr)>\(csrf)\(hidden)<button class=\"\(style)\">\(label)</button></form>"
    }

    static func query(_ params: [String: String]) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+;#?")
        return params.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
    }
}

extension String {
    /// nil for an empty string, to chain with `??`.
    var nonEmpty: String? { isEmpty ? nil : self }
}
