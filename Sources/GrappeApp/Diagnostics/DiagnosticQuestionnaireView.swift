import Foundation
import GrappeDomain

/// The questionnaire versions, drawn without a database: the list, and a version's questions
/// per dimension — read-only once published, a form per question while a draft.
enum DiagnosticQuestionnaireView {
    static func statusBadge(_ v: QuestionnaireVersion, current: Bool) -> HTML {
        switch v.status {
        case .draft: UI.badge("Brouillon", "warn")
        case .published: current ? UI.badge("Publiée, en usage", "ok") : UI.badge("Publiée", "muted")
        }
    }

    static func list(_ lines: [DiagnosticQuestionnaireQueries.Line], currentID: UUID?) -> HTML {
        let head = """
        \(UI.breadcrumbs([("Diagnostics", Site.diagnosticAdminIndex.path()), ("Questionnaires", nil)]))
        <h1>Versions du questionnaire</h1>
        <p>Les nouveaux diagnostics sont planifiés avec la dernière version publiée ; chaque diagnostic garde la version avec laquelle il a été mené.
        Pour changer le questionnaire, créez une nouvelle version à partir d'une version existante, modifiez-la puis publiez-la.</p>
        """
        guard !lines.isEmpty else { return "\(head)\(UI.emptyState("Aucune version du questionnaire."))" }
        let rows = lines.map { line -> HTML in
            let v = line.version
            return """
            <tr><td><a href="\(Site.diagnosticQuestionnaireShow.path(v.version))">Version \(v.version)</a></td><td>\(line.questionnaire.title)</td>
            <td>\(statusBadge(v, current: v.id == currentID))</td><td class="num">\(line.questionnaire.questions.count)</td><td class="num">\(line.diagnostics)</td></tr>
            """
        }
        return """
        \(head)
        <table class="list"><thead><tr><th>Version</th><th>Titre</th><th>État</th><th>Questions</th><th>Diagnostics menés</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        """
    }

    /// What the page shows of a refused change: the form's values and messages, and the domain's problems.
    struct Attempt: Sendable {
        var form = FormState()
        /// The question whose form was sent, or nil for the add form.
        var questionKey: String?
        var problems: [String] = []
    }

    static func show(_ v: QuestionnaireVersion, _ q: DiagnosticQuestionnaire, isCurrent: Bool, diagnostics: Int,
                     attempt: Attempt?, csrf: HTML) -> HTML {
        let draft = v.status == .draft
        var form = FormState(values: DiagnosticQuestionForm.values(q))
        if let attempt {
            form.values.merge(attempt.form.values) { _, typed in typed }
            form.errors = attempt.form.errors
        }
        let actions: HTML = draft
            ? publishBlock(v, q, csrf: csrf)
            : "<p class=\"actions\">\(UI.postButton(csrf: csrf, action: Site.diagnosticQuestionnaireCopy.path(v.version), label: "Créer une nouvelle version à partir de celle-ci", style: "primary"))</p>"
        let dimensions = DiagnosticDimension.allCases.map { dimension -> HTML in
            let questions = q.questions(in: dimension).map { question -> HTML in
                let shown = attempt?.questionKey == question.key ? attempt : nil
                return draft ? editable(v, question, form: form, attempt: shown, csrf: csrf) : readOnly(question)
            }
            return "<section><h2>\(dimension.title)</h2>\(questions.isEmpty ? UI.emptyState("Aucune question.") : HTML.join(questions))</section>"
        }
        let addAttempt = attempt.flatMap { $0.questionKey == nil ? $0 : nil }
        return """
        \(UI.breadcrumbs([("Diagnostics", Site.diagnosticAdminIndex.path()), ("Questionnaires", Site.diagnosticQuestionnaires.path()), ("Version \(v.version)", nil)]))
        <div class="page-head"><h1>Questionnaire — version \(v.version)</h1>\(statusBadge(v, current: isCurrent))</div>
        <p>\(q.title) · \(q.questions.count) questions · \(diagnostics == 0 ? "aucun diagnostic mené avec cette version" : diagnostics == 1 ? "1 diagnostic mené avec cette version" : "\(diagnostics) diagnostics menés avec cette version")\
        \(q.isDMACompatible ? " · scores comparables au DMA européen" : " · scores non comparables au DMA européen")</p>
        \(actions)
        \(dimensions)
        \(draft ? addForm(v, attempt: addAttempt, csrf: csrf) : .empty)
        """
    }

    static func origin(_ question: DiagnosticQuestion) -> String {
        if let number = question.dmaNumber { return "Question Q\(number) du DMA" }
        return question.role == .informative ? "Question locale, informative" : "Question locale, comptée dans le score"
    }

    static func points(_ n: Int) -> String { n == 1 || n == 0 ? "\(n) point" : "\(n) points" }

    static func readOnly(_ question: DiagnosticQuestion) -> HTML {
        let options = question.options.map { o -> HTML in
            "<li>\(o.label) — \(points(o.points))\(o.exclusive ? " (réponse exclusive)" : "")</li>"
        }
        let rows = question.rows.map { r -> HTML in "<li>\(r.label)</li>" }
        return """
        <article class="card"><h3>\(question.label)</h3>
        <p class="muted">\(origin(question)) · \(question.kind.label)\(question.onlyFor.isEmpty ? "" : " · posée aux activités : \(question.onlyFor.map(\.label).joined(separator: ", "))")</p>
        <p>\(question.text)</p>\(question.help.isEmpty ? .empty : HTML("<p class=\"muted\">\(question.help)</p>"))
        \(options.isEmpty ? .empty : HTML("<ul>\(options)</ul>"))\(rows.isEmpty ? .empty : HTML("<ul>\(rows)</ul>"))
        </article>
        """
    }

    static func problemList(_ problems: [String]) -> HTML {
        problems.isEmpty ? .empty : "<div class=\"flash flash-error\" role=\"alert\"><ul>\(problems.map { HTML("<li>\($0)</li>") })</ul></div>"
    }

    static func editable(_ v: QuestionnaireVersion, _ question: DiagnosticQuestion, form: FormState, attempt: Attempt?, csrf: HTML) -> HTML {
        let f = { DiagnosticQuestionForm.field(question, $0) }
        let options = question.options.map { o -> HTML in
            """
            <div class="two-cols">\(Input.text(f("option.\(o.key)"), "Réponse « \(o.key) »\(o.exclusive ? " (exclusive)" : "")", form, required: true))\
            \(Input.text(f("points.\(o.key)"), "Points", form, type: "number", required: true, extra: " min=\"0\" max=\"10\""))</div>
            """
        }
        let rows = question.rows.map { r -> HTML in Input.text(f("row.\(r.key)"), "Ligne « \(r.key) »", form, required: true) }
        let remove: HTML = question.isLocal
            ? UI.postButton(csrf: csrf, action: Site.diagnosticQuestionnaireRemove.path(v.version, question.key), label: "Retirer cette question locale",
                            style: "danger", confirm: "Retirer cette question de la version \(v.version) ?")
            : .empty
        return """
        <article class="card" id="q-\(question.key)"><h3>\(question.label)</h3>
        <p class="muted">\(origin(question)) · \(question.kind.label)</p>
        \(attempt.map { $0.form.summary })\(problemList(attempt?.problems ?? []))
        <form method="post" action="\(Site.diagnosticQuestionnaireUpdate.path(v.version, question.key))" class="stack">\(csrf)
        \(Input.text(f("title"), "Titre", form, required: true, maxLength: DiagnosticQuestionnaire.titleLength.upperBound))
        \(Input.textarea(f("text"), "Question", form, maxLength: DiagnosticQuestionnaire.textLength.upperBound))
        \(Input.textarea(f("help"), "Aide pour le conseiller", form, maxLength: DiagnosticQuestionnaire.textLength.upperBound))
        \(options)\(rows)
        <button class="secondary">Enregistrer la question</button></form>
        \(remove)
        </article>
        """
    }

    static func publishBlock(_ v: QuestionnaireVersion, _ q: DiagnosticQuestionnaire, csrf: HTML) -> HTML {
        let problems = q.problems()
        if problems.isEmpty {
            return """
            <p>Cette version est un brouillon : ses questions se modifient ci-dessous. Une fois publiée, elle ne change plus et les nouveaux diagnostics l'utilisent.</p>
            <p class="actions">\(UI.postButton(csrf: csrf, action: Site.diagnosticQuestionnairePublish.path(v.version), label: "Publier", style: "primary",
                                                confirm: "Publier la version \(v.version) ? Elle ne pourra plus être modifiée."))</p>
            """
        }
        return "<p>Avant de publier cette version, corrigez :</p>\(problemList(problems))"
    }

    static func addForm(_ v: QuestionnaireVersion, attempt: Attempt?, csrf: HTML) -> HTML {
        let form = attempt?.form ?? FormState(values: ["kind": DiagnosticQuestion.Kind.multipleChoice.rawValue])
        return """
        <section><h2>Ajouter une question locale</h2>
        <p>Une question locale est informative : elle est notée et alimente le plan d'actions, sans changer les scores comparables au DMA.</p>
        \(form.summary)\(problemList(attempt?.problems ?? []))
        <form method="post" action="\(Site.diagnosticQuestionnaireAdd.path(v.version))" class="stack">\(csrf)
        \(Input.select("dimension", "Dimension", form, options: DiagnosticDimension.allCases.map { ($0.rawValue, $0.title) }, required: true, blank: "Choisir…"))
        \(Input.select("kind", "Type", form, options: DiagnosticQuestionnaire.localKinds.map { ($0.rawValue, $0.label) }, required: true))
        \(Input.text("title", "Titre", form, required: true, maxLength: DiagnosticQuestionnaire.titleLength.upperBound))
        \(Input.textarea("text", "Question", form, maxLength: DiagnosticQuestionnaire.textLength.upperBound))
        \(Input.textarea("help", "Aide pour le conseiller", form, maxLength: DiagnosticQuestionnaire.textLength.upperBound))
        \(Input.textarea("labels", "Réponses à cocher ou lignes, une par ligne", form))
        <button class="primary">Ajouter la question</button></form></section>
        """
    }
}
