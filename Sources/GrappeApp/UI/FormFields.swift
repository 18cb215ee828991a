import Vapor

/// What a form shows: the values typed (kept on error) and the message for each field.
struct FormState: Sendable {
    var values: [String: String] = [:]
    var errors: [String: String] = [:]

    subscript(_ key: String) -> String { values[key] ?? "" }

    var summary: HTML {
        guard !errors.isEmpty else { return .empty }
        let count = errors.count
        return "<div class=\"flash flash-error\" role=\"alert\">\(count == 1 ? "Une erreur empêche l'enregistrement" : "\(count) erreurs empêchent l'enregistrement") : corrigez les champs signalés.</div>"
    }
}

/// Form controls with label, kept value, error message and `aria-invalid`. The id is the
/// field's name unless `id` says otherwise (two forms of one page sending the same name).
enum Input {
    static func text(_ name: String, _ label: String, _ form: FormState, type: String = "text", required: Bool = false,
                     maxLength: Int? = nil, hint: String? = nil, extra: HTML = .empty, id: String? = nil) -> HTML {
        let error = form.errors[name]
        let id = id ?? name
        let attrs: HTML = """
        \(HTML.flag(.required, required))\(HTML.attribute("maxlength", maxLength.map(String.init)))\
        \(HTML.attribute("aria-invalid", "true", when: error != nil))\(HTML.attribute("aria-describedby", "\(id)-error", when: error != nil))\(extra)
        """
        return """
        <div class="field\(error != nil ? " has-error" : "")">
        <label for="\(id)">\(label)\(required ? " *" : "")</label>
        <input id="\(id)" name="\(name)" type="\(type)" value="\(form[name])"\(attrs)>
        \(hint.map { HTML("<small>\($0)</small>") })
        \(error.map { HTML("<p class=\"error\" id=\"\(id)-error\">\($0)</p>") })
        </div>
        """
    }

    static func textarea(_ name: String, _ label: String, _ form: FormState, maxLength: Int? = nil) -> HTML {
        let error = form.errors[name]
        return """
        <div class="field\(error != nil ? " has-error" : "")">
        <label for="\(name)">\(label)</label>
        <textarea id="\(name)" name="\(name)" rows="5"\(HTML.attribute("maxlength", maxLength.map(String.init)))>\(form[name])</textarea>
        \(error.map { HTML("<p class=\"error\" id=\"\(name)-error\">\($0)</p>") })
        </div>
        """
    }

    static func select(_ name: String, _ label: String, _ form: FormState, options: [(String, String)], required: Bool = false, blank: String? = nil,
                       id: String? = nil) -> HTML {
        let error = form.errors[name]
        let id = id ?? name
        let current = form[name]
        var items: [HTML] = []
        if let blank { items.append("<option value=\"\">\(blank)</option>") }
        for (value, text) in options {
            items.append("<option value=\"\(value)\"\(HTML.flag(.selected, value == current))>\(text)</option>")
        }
        return """
        <div class="field\(error != nil ? " has-error" : "")">
        <label for="\(id)">\(label)\(required ? " *" : "")</label>
        <select id="\(id)" name="\(name)"\(HTML.attribute("aria-invalid", "true", when: error != nil))>\(items)</select>
        \(error.map { HTML("<p class=\"error\" id=\"\(id)-error\">\($0)</p>") })
        </div>
        """
    }

    /// `value`: what a ticked box sends (several boxes may share a name, each with its value).
    static func checkbox(_ name: String, _ label: String, checked: Bool, value: String = "1") -> HTML {
        "<div class=\"field check\"><label><input type=\"checkbox\" name=\"\(name)\" value=\"\(value)\"\(HTML.flag(.checked, checked))> \(label)</label></div>"
    }
}
