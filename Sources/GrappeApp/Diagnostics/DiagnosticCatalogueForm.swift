import Foundation
import GrappeDomain
import Vapor

/// The catalogue's entry form as typed: text fields kept as typed, the boxes ticked (gaps,
/// prerequisites, competences), read into the domain's `DiagnosticAction` and checked by it.
struct DiagnosticCatalogueForm: Sendable {
    var values: [String: String]
    var gaps: [String]
    var prerequisites: [String]
    var competences: [String]

    static let textFields = ["title", "details", "dimension", "impact", "effort", "cost", "grantEligible"]

    init(_ a: DiagnosticAction) {
        values = ["title": a.title, "details": a.details, "dimension": a.dimension.rawValue, "impact": String(a.impact.rawValue),
                  "effort": String(a.effort.rawValue), "cost": Money.grouped(a.cost), "grantEligible": a.grantEligible ? "1" : ""]
        gaps = a.gaps.map(\.rawValue)
        prerequisites = a.prerequisites
        competences = a.competences
    }

    /// An empty entry: medium impact and effort, grant-eligible.
    static let blank = DiagnosticCatalogueForm(values: ["impact": "2", "effort": "2", "grantEligible": "1"], gaps: [], prerequisites: [], competences: [])

    init(values: [String: String], gaps: [String], prerequisites: [String], competences: [String]) {
        self.values = values
        self.gaps = gaps
        self.prerequisites = prerequisites
        self.competences = competences
    }

    init(_ req: Request) {
        values = Dictionary(uniqueKeysWithValues: Self.textFields.map { ($0, req.content[String.self, at: $0] ?? "") })
        gaps = req.content[[String].self, at: "gaps"] ?? []
        prerequisites = req.content[[String].self, at: "prerequisites"] ?? []
        competences = req.content[[String].self, at: "competences"] ?? []
    }

    /// The entry under `key`, or the messages per field. `others`: the rest of the catalogue;
    /// `domains`: the directory's domains of competence.
    func read(key: String, others: [DiagnosticAction], domains: [String]) -> Result<DiagnosticAction, DiagnosticCatalogueFailure> {
        var errors: [String: String] = [:]
        let dimension = DiagnosticDimension(rawValue: values["dimension"] ?? "")
        if dimension == nil { errors["dimension"] = "Choisissez la dimension que l'action améliore." }
        let impact = Int(values["impact"] ?? "").flatMap(DiagnosticAction.Grade.init(rawValue:))
        if impact == nil { errors["impact"] = "Choisissez l'impact : faible, moyen ou fort." }
        let effort = Int(values["effort"] ?? "").flatMap(DiagnosticAction.Grade.init(rawValue:))
        if effort == nil { errors["effort"] = "Choisissez l'effort : faible, moyen ou fort." }
        if let problem = DiagnosticAction.costProblem(values["cost"] ?? "") { errors["cost"] = problem }
        let gapValues = gaps.compactMap(DiagnosticGap.init(rawValue:))
        if gapValues.count != gaps.count { errors["gaps"] = "Écart inconnu." }

        let action = DiagnosticAction(key: key, title: FieldCheck.trimmed(values["title"]), details: FieldCheck.trimmed(values["details"]),
                                      dimension: dimension ?? .strategy, gaps: gapValues, impact: impact ?? .medium, effort: effort ?? .medium,
                                      cost: DiagnosticAction.readCost(values["cost"] ?? "") ?? 0, grantEligible: values["grantEligible"] == "1",
                                      prerequisites: prerequisites, competences: competences)
        for (field, message) in action.problems(catalogue: Set(others.map(\.key)), knownDomains: domains) where errors[field] == nil {
            errors[field == "key" ? "title" : field] = message
        }
        if errors["prerequisites"] == nil, let circle = DiagnosticActionCatalogue.problems(others + [action]).first(where: { $0.hasPrefix("Les prérequis tournent en rond") }) {
            errors["prerequisites"] = circle
        }
        return errors.isEmpty ? .success(action) : .failure(DiagnosticCatalogueFailure(errors: errors))
    }
}

struct DiagnosticCatalogueFailure: Error {
    let errors: [String: String]
}
