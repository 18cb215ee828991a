import Foundation
import GrappeDomain
import Vapor

/// One step of the interview as posted: the answers to the dimension's questions, read from the
/// form's fields, and the dimension's note. Each answer is checked with the domain
/// (`savingProblem`): a partial answer may be saved, a wrong one is refused with its message.
struct DiagnosticInterviewForm: Sendable {
    /// What was posted for each question of the step, blank ones included.
    var answers: [String: DiagnosticAnswer] = [:]
    var note: String = ""
    /// Question key (or « note ») → the French message shown beside it.
    var errors: [String: String] = [:]

    static let noteLimit = 4000

    /// The field of a row (scale, tri-state) or of a row's box (investment: « deja », « prevu »);
    /// the boxes of a multiple-choice question share the name « key[] ».
    static func field(_ question: DiagnosticQuestion, row: String, box: String? = nil) -> String {
        [question.key, row, box].compactMap { $0 }.joined(separator: "-")
    }

    static func read(_ req: Request, questions: [DiagnosticQuestion]) -> DiagnosticInterviewForm {
        read(questions, value: { req.content[String.self, at: $0] },
             values: { req.content[[String].self, at: $0] ?? req.content[String.self, at: $0].map { [$0] } ?? [] },
             note: req.content[String.self, at: "note"] ?? "")
    }

    /// `value`: a field's text; `values`: the ticked boxes of a multiple-choice question.
    static func read(_ questions: [DiagnosticQuestion], value: (String) -> String?, values: (String) -> [String], note: String) -> DiagnosticInterviewForm {
        var form = DiagnosticInterviewForm()
        for question in questions {
            var unreadable: String?
            let answer: DiagnosticAnswer
            switch question.kind {
            case .multipleChoice:
                answer = .choices(Set(values(question.key).map(FieldCheck.trimmed).filter { !$0.isEmpty }))
            case .scale:
                var levels: [String: Int] = [:]
                for row in question.rows {
                    let text = FieldCheck.trimmed(value(field(question, row: row.key)) ?? "")
                    guard !text.isEmpty else { continue }
                    if let level = Int(text) { levels[row.key] = level } else { unreadable = unreadable ?? "« \(row.label) » : choisissez un niveau de 0 à 5." }
                }
                answer = .scale(levels)
            case .triState:
                var states: [String: DiagnosticAnswer.TriState] = [:]
                for row in question.rows {
                    let text = FieldCheck.trimmed(value(field(question, row: row.key)) ?? "")
                    guard !text.isEmpty else { continue }
                    if let state = DiagnosticAnswer.TriState(rawValue: text) { states[row.key] = state } else { unreadable = unreadable ?? "« \(row.label) » : répondez par non, en partie ou oui." }
                }
                answer = .triState(states)
            case .investment:
                var rows: [String: DiagnosticAnswer.Investment] = [:]
                for row in question.rows {
                    let boxes = DiagnosticAnswer.Investment(already: value(field(question, row: row.key, box: "deja")) != nil,
                                                            planned: value(field(question, row: row.key, box: "prevu")) != nil)
                    if boxes.already || boxes.planned { rows[row.key] = boxes }
                }
                answer = .investment(rows)
            }
            form.answers[question.key] = answer
            if let problem = unreadable ?? question.savingProblem(with: answer) { form.errors[question.key] = problem }
        }
        form.note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if form.note.count > noteLimit {
            form.errors["note"] = "La note dépasse \(Money.grouped(noteLimit)) caractères : raccourcissez-la."
        }
        return form
    }

    /// `stored` with this step's answers in place of the stored ones: a question left blank loses
    /// its answer, unless ticking nothing is itself a complete answer (an investment question, a
    /// multiple choice without an exclusive « none »).
    func merged(into stored: [String: DiagnosticAnswer], questions: [DiagnosticQuestion]) -> [String: DiagnosticAnswer] {
        var all = stored
        for question in questions {
            guard let answer = answers[question.key] else { continue }
            all[question.key] = question.isBlank(answer) && question.problem(with: answer) != nil ? nil : answer
        }
        return all
    }

    /// `stored` with this step's note in place (none when emptied).
    func merged(into stored: [DiagnosticDimension: String], dimension: DiagnosticDimension) -> [DiagnosticDimension: String] {
        var all = stored
        all[dimension] = note.isEmpty ? nil : note
        return all
    }
}
