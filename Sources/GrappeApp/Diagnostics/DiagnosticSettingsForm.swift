import Foundation
import GrappeDomain
import Vapor

/// The diagnostic's settings as typed in Réglages: the grant's rules and the retention of a
/// request's contact details, read into `GrantRules` and checked by the domain.
struct DiagnosticSettingsForm: Sendable {
    var values: [String: String]
    var activities: [String]
    var communes: [String]

    static let textFields = ["maxHeadcount", "requiresRIDET", "ratePercent", "cap", "retentionMonths"]

    init(rules: GrantRules, retentionMonths: Int) {
        values = ["maxHeadcount": rules.maxHeadcount.map(String.init) ?? "", "requiresRIDET": rules.requiresRIDET ? "1" : "",
                  "ratePercent": String(rules.ratePercent), "cap": Money.grouped(rules.cap), "retentionMonths": String(retentionMonths)]
        activities = rules.activities.map(\.rawValue)
        communes = rules.communes
    }

    init(_ req: Request) {
        values = Dictionary(uniqueKeysWithValues: Self.textFields.map { ($0, req.content[String.self, at: $0] ?? "") })
        activities = req.content[[String].self, at: "activities"] ?? []
        communes = req.content[[String].self, at: "communes"] ?? []
    }

    struct Failure: Error {
        var errors: [String: String]
        /// The grant rules' own problems, as the domain words them.
        var problems: [String]
    }

    func read() -> Result<(rules: GrantRules, retentionMonths: Int), Failure> {
        var errors: [String: String] = [:]
        let activityValues = activities.compactMap(BusinessActivity.init(rawValue:))
        if activityValues.count != activities.count { errors["activities"] = "Activité inconnue." }
        let headcountText = FieldCheck.trimmed(values["maxHeadcount"])
        let maxHeadcount = Int(headcountText)
        if !headcountText.isEmpty && maxHeadcount == nil { errors["maxHeadcount"] = "Un nombre entier de salariés, ou rien pour ne pas limiter l'effectif." }
        let rate = Int(FieldCheck.trimmed(values["ratePercent"]).replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces))
        if rate == nil { errors["ratePercent"] = "Le taux est un nombre entier de 1 à 100." }
        let cap = DiagnosticAction.readCost(values["cap"] ?? "")
        if cap == nil { errors["cap"] = "Le plafond est un montant entier en francs XPF, sans centimes (par exemple 250 000)." }
        let months = Int(FieldCheck.trimmed(values["retentionMonths"]))
        if months.map({ !DiagnosticSettings.retentionRange.contains($0) }) ?? true {
            errors["retentionMonths"] = "La durée de conservation va de \(DiagnosticSettings.retentionRange.lowerBound) à \(DiagnosticSettings.retentionRange.upperBound) mois."
        }
        let rules = GrantRules(activities: activityValues, communes: communes.compactMap { Communes.canonical($0) ?? $0 },
                               maxHeadcount: maxHeadcount, requiresRIDET: values["requiresRIDET"] == "1", ratePercent: rate ?? 50, cap: cap ?? 0)
        let problems = rules.problems()
        guard errors.isEmpty, problems.isEmpty, let months else { return .failure(Failure(errors: errors, problems: problems)) }
        return .success((rules, months))
    }
}
