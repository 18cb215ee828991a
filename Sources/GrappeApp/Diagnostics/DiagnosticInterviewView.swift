import Foundation
import GrappeDomain

/// The interview's pages, drawn without a database: the overview (the six dimensions as steps
/// with their progress, the notes, starting and closing) and one page per dimension.
enum DiagnosticInterviewView {
    /// A message above the page: a refusal (closing too early, a closed diagnostic).
    typealias Notice = (message: String, kind: Flash.Kind)

    static func overview(_ c: DiagnosticInterviewContext, notice: Notice? = nil, csrf: HTML) -> HTML {
        let d = c.diagnostic
        let progress = InterviewProgress(c.questionnaire, d.storedAnswers, activity: c.activity)
        let steps = progress.steps.map { step -> HTML in
            let count = "\(ReportFigure.count(step.answered, "réponse", "réponses")) sur \(ReportFigure.count(step.asked, "question", "questions"))"
            let state = step.asked == 0 ? UI.badge("aucune question", "muted")
                : step.isComplete ? UI.badge("complète", "ok") : step.answered > 0 ? UI.badge("en cours", "warn") : .empty
            let title: HTML = d.status == .planned ? "\(step.dimension.number). \(step.dimension.title)"
                : "<a href=\"\(Site.diagnosticInterviewStep.path(c.id, step.dimension.rawValue))\">\(step.dimension.number). \(step.dimension.title)</a>"
            return "<li>\(title) <span class=\"muted\">\(count)</span>\(state)</li>"
        }
        let notes = d.storedNotes.sorted { $0.key < $1.key }.map { dimension, note -> HTML in
            "<dt>\(dimension.title)</dt><dd class=\"note\">\(note)</dd>"
        }
        return """
        \(header(c, current: nil))
        \(notice.map { HTML("<p class=\"flash flash-\($0.kind.rawValue)\" role=\"alert\">\($0.message)</p>") })
        \(statusPanel(c, progress: progress, csrf: csrf))
        <h2>Étapes</h2>
        <ol class="interview-steps">\(steps)</ol>
        <h2>Notes de l'entretien</h2>
        \(notes.isEmpty ? UI.emptyState("Aucune note pour le moment.") : HTML("<dl class=\"facts\">\(notes)</dl>"))
        """
    }

    /// One dimension: its questions with `answers` (stored, or as typed when refused) and its note.
    static func step(_ c: DiagnosticInterviewContext, dimension: DiagnosticDimension, answers: [String: DiagnosticAnswer], note: String,
                     errors: [String: String] = [:], csrf: HTML) -> HTML {
        let questions = c.questions(in: dimension)
        let editable = c.diagnostic.status == .inProgress
        let fields = questions.isEmpty ? UI.emptyState("Aucune question de cette dimension n'est posée à cette entreprise.")
            : HTML.join(questions.map { DiagnosticInterviewFields.question($0, answer: answers[$0.key], error: errors[$0.key]) })
        let noteField = Input.textarea("note", "Notes sur « \(dimension.title) »", FormState(values: ["note": note], errors: errors.filter { $0.key == "note" }),
                                       maxLength: DiagnosticInterviewForm.noteLimit)
        let last = InterviewProgress.step(after: dimension) == nil
        let buttons: HTML = editable ? """
            <div class="actions interview-actions"><button class="primary" name="suite" value="1">\(last ? "Enregistrer et revenir à l'ensemble" : "Enregistrer et continuer")</button>
            <button name="suite" value="0">Enregistrer</button></div>
            """ : .empty
        let readOnly: HTML = editable ? .empty
            : "<p class=\"flash flash-info\">\(DiagnosticInterview.writeRefusal(c.diagnostic.status) ?? "")</p>"
        return """
        \(header(c, current: dimension))
        \(readOnly)
        \(FormState(errors: errors).summary)
        <form method="post" action="\(Site.diagnosticInterviewSave.path(c.id, dimension.rawValue))" class="interview"\
        \(editable ? HTML(" data-draft=\"grappe-entretien-\(c.id.uuidString)-\(dimension.rawValue)\" data-draft-base=\"\(draftBase(c, dimension: dimension))\"") : .empty)>\(csrf)
        <fieldset class="interview-body"\(HTML.flag(.disabled, !editable))>
        \(fields)
        \(noteField)
        </fieldset>
        \(buttons)
        </form>
        """
    }

    /// What the staff's diagnostic page shows of the interview: start it, resume it, read it.
    static func adminPanel(_ d: Diagnostic?, csrf: HTML) -> HTML {
        guard let d, let id = d.id else { return .empty }
        let overview = Site.diagnosticInterview.path(id)
        switch d.status {
        case .planned:
            return """
            <h2>Entretien</h2>
            <div class="actions">\(UI.postButton(csrf: csrf, action: Site.diagnosticInterviewStart.path(id), label: "Commencer l'entretien", style: "primary",
                                                confirm: "Commencer l'entretien ? Le rendez-vous ne pourra plus être déplacé."))</div>
            """
        case .inProgress:
            return "<h2>Entretien</h2><p>En cours. <a class=\"button primary\" href=\"\(overview)\">Reprendre l'entretien</a></p>"
        case .closed:
            return "<h2>Entretien</h2><p>Clos le \(d.closedAt.map(FrenchDate.long) ?? "—"). <a href=\"\(overview)\">Lire les réponses et les notes</a></p>"
        case .cancelled:
            return .empty
        }
    }

    /// Identifies what the server holds for a step: the script keeps a draft of unsent values only
    /// while this stays the same, so a draft is dropped once the server confirmed a save.
    static func draftBase(_ c: DiagnosticInterviewContext, dimension: DiagnosticDimension) -> String {
        let stored = c.diagnostic.storedAnswers
        let keys = c.questions(in: dimension).map(\.key)
        let step = stored.filter { keys.contains($0.key) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let answers = (try? encoder.encode(step)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return String(Tokens.sha256(answers + "\n" + (c.diagnostic.storedNotes[dimension] ?? "")).prefix(16))
    }

    private static func header(_ c: DiagnosticInterviewContext, current: DiagnosticDimension?) -> HTML {
        let d = c.diagnostic, r = c.request
        var crumbs: [(String, String?)] = c.byStaff
            ? [("Diagnostics", Site.diagnosticAdminIndex.path()), (r.companyName, Site.diagnosticAdminShow.path(r.id!))] : []
        crumbs.append(("Entretien", current == nil ? nil : Site.diagnosticInterview.path(c.id)))
        if let current { crumbs.append((current.title, nil)) }
        let nav: HTML = current == nil || d.status == .planned ? .empty : """
            <nav class="interview-nav" aria-label="Dimensions">\(DiagnosticDimension.allCases.map { dimension -> HTML in
                "<a href=\"\(Site.diagnosticInterviewStep.path(c.id, dimension.rawValue))\"\(HTML.attribute("aria-current", "step", when: dimension == current))>\(dimension.number). \(dimension.shortTitle)</a>"
            })</nav>
            """
        let badge = UI.badge(d.status.label, d.status == .inProgress ? "warn" : d.status == .closed ? "ok" : d.status == .planned ? "info" : "muted")
        return """
        \(UI.breadcrumbs(crumbs))
        <div class="page-head"><h1>\(current.map { "\($0.number). \($0.title)" } ?? "Entretien — \(r.companyName)")</h1>\(badge)</div>
        <p class="lead">\(r.companyName) · activité \(r.activity.label) · \(r.commune) · \(FrenchDate.long(d.startsAt)) à \(FrenchDate.clock(d.startsAt))\
        \(DiagnosticPlanning.advisor(of: d).map { " · conseiller : \($0.name)" } ?? "")</p>
        \(nav)
        """
    }

    private static func statusPanel(_ c: DiagnosticInterviewContext, progress: InterviewProgress, csrf: HTML) -> HTML {
        let d = c.diagnostic
        switch d.status {
        case .planned:
            return """
            <div class="panel"><p>L'entretien est prévu le \(FrenchDate.long(d.startsAt)) à \(FrenchDate.clock(d.startsAt)). Commencez-le au début du rendez-vous : \
            le rendez-vous ne pourra plus être déplacé.</p>
            \(UI.postButton(csrf: csrf, action: Site.diagnosticInterviewStart.path(c.id), label: "Commencer l'entretien", style: "primary"))</div>
            """
        case .inProgress:
            let missing = progress.asked - progress.answered
            let first = progress.steps.first { !$0.isComplete }?.dimension ?? .strategy
            return """
            <div class="panel"><p>\(ReportFigure.count(progress.answered, "question répondue", "questions répondues")) sur \(progress.asked)\
            \(missing == 0 ? HTML(" : l'entretien peut être clos.") : HTML(" ; encore \(ReportFigure.count(missing, "question", "questions")) à compléter avant de clore."))</p>
            <div class="actions interview-actions"><a class="button primary" href="\(Site.diagnosticInterviewStep.path(c.id, first.rawValue))">Reprendre</a>
            \(UI.postButton(csrf: csrf, action: Site.diagnosticInterviewClose.path(c.id), label: "Clore l'entretien",
                            confirm: "Clore l'entretien ? Les réponses ne se modifieront plus et l'entreprise recevra le lien vers ses résultats."))</div></div>
            """
        case .closed:
            return "<div class=\"panel\"><p>Entretien clos le \(d.closedAt.map(FrenchDate.long) ?? "—") : les réponses ne se modifient plus ; l'entreprise a reçu le lien vers ses résultats.</p></div>"
        case .cancelled:
            return "<div class=\"panel\"><p>\(DiagnosticInterview.writeRefusal(.cancelled) ?? "")</p></div>"
        }
    }
}
