import Foundation
import GrappeDomain

/// One question of the interview as a form control, for its kind: boxes to tick (the exclusive
/// « none » among them), a 0–5 level per row as radio buttons in a row that wraps, no / partly /
/// yes per row, the two investment boxes per business area. Touch-sized for a tablet.
enum DiagnosticInterviewFields {
    static func question(_ q: DiagnosticQuestion, answer: DiagnosticAnswer?, error: String?) -> HTML {
        let informative: HTML = q.role == .informative
            ? UI.badge(q.isLocal ? "question locale · informative, hors score" : "informative, hors score", "muted") : .empty
        return """
        <fieldset class="question\(error != nil ? " has-error" : "")" id="question-\(q.key)">
        <legend>\(q.label)\(informative)</legend>
        <p class="question-text">\(q.text)</p>
        \(q.help.isEmpty ? .empty : HTML("<p class=\"question-help\"><small>\(q.help)</small></p>"))
        \(error.map { HTML("<p class=\"error\" role=\"alert\">\($0)</p>") })
        \(controls(q, answer: answer))
        </fieldset>
        """
    }

    static func controls(_ q: DiagnosticQuestion, answer: DiagnosticAnswer?) -> HTML {
        switch q.kind {
        case .multipleChoice:
            let ticked: Set<String> = if case .choices(let keys) = answer { keys } else { [] }
            let boxes = q.options.map { option -> HTML in
                """
                <label class="choice\(option.exclusive ? " exclusive" : "")"><input type="checkbox" name="\(q.key)[]" value="\(option.key)"\
                \(HTML.flag(.checked, ticked.contains(option.key)))> <span>\(option.label)</span></label>
                """
            }
            return "<div class=\"choices\">\(boxes)</div>"
        case .scale:
            let levels: [String: Int] = if case .scale(let values) = answer { values } else { [:] }
            return HTML.join(q.rows.map { row in
                let options = DiagnosticQuestion.scaleRange.map { level -> (String, String, Bool) in
                    (String(level), "\(level) · \(DiagnosticQuestion.scaleLabels[level])", levels[row.key] == level)
                }
                return radios(q, row: row, options: options)
            })
        case .triState:
            let states: [String: DiagnosticAnswer.TriState] = if case .triState(let values) = answer { values } else { [:] }
            return HTML.join(q.rows.map { row in
                radios(q, row: row, options: DiagnosticAnswer.TriState.allCases.map { ($0.rawValue, $0.label, states[row.key] == $0) })
            })
        case .investment:
            let areas: [String: DiagnosticAnswer.Investment] = if case .investment(let values) = answer { values } else { [:] }
            let rows = q.rows.map { row -> HTML in
                let boxes = areas[row.key] ?? .init()
                return """
                <tr><th scope="row">\(row.label)</th>
                <td>\(box(q, row: row, box: "deja", label: "Déjà investi", checked: boxes.already))</td>
                <td>\(box(q, row: row, box: "prevu", label: "Investissement prévu", checked: boxes.planned))</td></tr>
                """
            }
            return """
            <table class="list investment"><thead><tr><th>Domaine</th><th>Déjà investi</th><th>Investissement prévu</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        }
    }

    private static func radios(_ q: DiagnosticQuestion, row: DiagnosticQuestion.Row, options: [(String, String, Bool)]) -> HTML {
        let name = DiagnosticInterviewForm.field(q, row: row.key)
        let buttons = options.map { value, label, checked -> HTML in
            "<label><input type=\"radio\" name=\"\(name)\" value=\"\(value)\"\(HTML.flag(.checked, checked))> <span>\(label)</span></label>"
        }
        return "<fieldset class=\"answer-row\"><legend>\(row.label)</legend><div class=\"scale\">\(buttons)</div></fieldset>"
    }

    private static func box(_ q: DiagnosticQuestion, row: DiagnosticQuestion.Row, box: String, label: String, checked: Bool) -> HTML {
        """
        <label class="box"><input type="checkbox" name="\(DiagnosticInterviewForm.field(q, row: row.key, box: box))" value="1"\
        \(HTML.flag(.checked, checked))><span class="visually-hidden">\(label) : \(row.label)</span></label>
        """
    }
}
