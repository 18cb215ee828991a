import Foundation
import GrappeDomain

/// The fields of a draft's question as the version page names them (« key.title »,
/// « key.option.o1 », « key.points.o1 », « key.row.r1 »: one page holds every question's form),
/// and what staff typed read back into the question.
enum DiagnosticQuestionForm {
    static func field(_ q: DiagnosticQuestion, _ name: String) -> String { "\(q.key).\(name)" }

    /// The question as stored, in the fields' names.
    static func values(_ q: DiagnosticQuestion) -> [String: String] {
        var values = [field(q, "title"): q.title, field(q, "text"): q.text, field(q, "help"): q.help]
        for option in q.options {
            values[field(q, "option.\(option.key)")] = option.label
            values[field(q, "points.\(option.key)")] = String(option.points)
        }
        for row in q.rows { values[field(q, "row.\(row.key)")] = row.label }
        return values
    }

    /// Every question's values, for the whole page.
    static func values(_ questionnaire: DiagnosticQuestionnaire) -> [String: String] {
        questionnaire.questions.reduce(into: [:]) { $0.merge(values($1)) { a, _ in a } }
    }

    /// The question with what was typed: wording, option and row labels, points. A field left
    /// out keeps its stored value; points that are not a whole number are an error on their field.
    static func read(_ typed: [String: String], into q: DiagnosticQuestion) -> (question: DiagnosticQuestion, values: [String: String], errors: [String: String]) {
        var values = values(q)
        for key in values.keys { if let text = typed[key] { values[key] = text } }
        var errors: [String: String] = [:]
        var edited = q
        edited.title = FieldCheck.trimmed(values[field(q, "title")])
        edited.text = FieldCheck.trimmed(values[field(q, "text")])
        edited.help = FieldCheck.trimmed(values[field(q, "help")])
        edited.options = q.options.map { option in
            var changed = option
            changed.label = FieldCheck.trimmed(values[field(q, "option.\(option.key)")])
            let name = field(q, "points.\(option.key)")
            if let points = Int(FieldCheck.trimmed(values[name])) { changed.points = points }
            else { errors[name] = "Un nombre entier de points, de \(DiagnosticQuestion.Option.pointsRange.lowerBound) à \(DiagnosticQuestion.Option.pointsRange.upperBound)." }
            return changed
        }
        edited.rows = q.rows.map { row in
            var changed = row
            changed.label = FieldCheck.trimmed(values[field(q, "row.\(row.key)")])
            return changed
        }
        return (edited, values, errors)
    }

    /// The form adding a local question: its fields' names.
    static let addFields = ["dimension", "kind", "title", "text", "help", "labels"]

    /// A local question from the add form, with its key made from the title; field errors for
    /// what cannot be read (the domain then checks the question itself).
    static func readLocal(_ typed: [String: String], taken: Set<String>) -> (question: DiagnosticQuestion?, errors: [String: String]) {
        var errors: [String: String] = [:]
        let dimension = DiagnosticDimension(rawValue: typed["dimension"] ?? "")
        if dimension == nil { errors["dimension"] = "Choisissez la dimension de la question." }
        let kind = DiagnosticQuestion.Kind(rawValue: typed["kind"] ?? "").flatMap { DiagnosticQuestionnaire.localKinds.contains($0) ? $0 : nil }
        if kind == nil { errors["kind"] = "Choisissez le type de la question." }
        let title = FieldCheck.trimmed(typed["title"])
        if title.isEmpty { errors["title"] = "Le titre est obligatoire." }
        let labels = (typed["labels"] ?? "").split(whereSeparator: \.isNewline).map { FieldCheck.trimmed(String($0)) }.filter { !$0.isEmpty }
        if labels.isEmpty { errors["labels"] = "Écrivez une réponse ou une ligne par ligne du champ." }
        guard let dimension, let kind, errors.isEmpty else { return (nil, errors) }
        let key = CatalogueKey.make(from: title, taken: taken)
        return (.local(key: key, dimension: dimension, title: title, text: typed["text"] ?? "", help: typed["help"] ?? "", kind: kind, labels: labels), errors)
    }
}
