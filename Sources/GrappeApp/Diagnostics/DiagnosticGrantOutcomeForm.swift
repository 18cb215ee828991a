import Foundation
import GrappeDomain

/// The grant's outcome as staff type it on a closed diagnostic's page: the state (asked,
/// granted, refused), the date, and for a grant the amount in whole XPF, never above the rules' cap.
enum DiagnosticGrantOutcomeForm {
    static let fields = ["grantStatus", "grantAmount", "grantOn"]
    static let choices: [Diagnostic.GrantStatus] = [.asked, .granted, .refused, .none]

    static func label(_ status: Diagnostic.GrantStatus) -> String {
        switch status {
        case .none: "Pas de demande d'aide"
        case .asked: "Demande déposée"
        case .granted: "Aide accordée"
        case .refused: "Aide refusée"
        }
    }

    static func values(_ d: Diagnostic) -> [String: String] {
        ["grantStatus": d.grantStatus == .none ? "" : d.grantStatus.rawValue, "grantAmount": d.grantAmount.map(Money.grouped) ?? "",
         "grantOn": d.grantOn.map(FrenchDate.iso) ?? ""]
    }

    struct Outcome: Equatable {
        let status: Diagnostic.GrantStatus
        let amount: Int?
        let date: Date?
    }

    /// The outcome, or the messages per field. `today`: a date to come is refused.
    static func read(_ values: [String: String], rules: GrantRules, today: Date) -> Result<Outcome, DiagnosticCatalogueFailure> {
        var errors: [String: String] = [:]
        guard let status = Diagnostic.GrantStatus(rawValue: values["grantStatus"] ?? "") else {
            return .failure(.init(errors: ["grantStatus": "Choisissez où en est la demande d'aide."]))
        }
        if status == .none { return .success(Outcome(status: .none, amount: nil, date: nil)) }
        let dateText = FieldCheck.trimmed(values["grantOn"])
        let date = FrenchDate.parse(dateText)
        if dateText.isEmpty { errors["grantOn"] = "Indiquez la date (dépôt de la demande ou décision)." }
        else if let date { if date > today { errors["grantOn"] = "Le \(FrenchDate.long(date)) est à venir : indiquez une date passée." } }
        else { errors["grantOn"] = "Date illisible." }
        var amount: Int?
        if status == .granted {
            let typed = FieldCheck.trimmed(values["grantAmount"])
            if typed.isEmpty { errors["grantAmount"] = "Indiquez le montant accordé, en francs XPF." }
            else if let read = DiagnosticAction.readCost(typed) {
                if let problem = DiagnosticGrant.grantedAmountProblem(read, rules: rules) { errors["grantAmount"] = problem } else { amount = read }
            } else {
                errors["grantAmount"] = "Le montant accordé doit être un montant entier en francs XPF, sans centimes (par exemple 150 000)."
            }
        }
        guard errors.isEmpty else { return .failure(.init(errors: errors)) }
        return .success(Outcome(status: status, amount: amount, date: date))
    }
}
