import Foundation
import GrappeDomain

/// The staff's part of a closed diagnostic's page, drawn without a database: the grant's
/// estimate and outcome (with its form), and the follow-up to plan.
enum DiagnosticOutcomeView {
    struct Model: Sendable {
        let requestID: UUID
        let diagnostic: Diagnostic
        let grant: DiagnosticGrant
        let followUpWindow: ClosedRange<Date>
        let suggestedFollowUp: Date
    }

    static func section(_ m: Model, form: FormState, csrf: HTML) -> HTML {
        let d = m.diagnostic
        let estimate: HTML = m.grant.isEligible
            ? "\(UI.xpf(m.grant.amount)) (dépenses éligibles : \(UI.xpf(m.grant.eligibleCost))\(m.grant.isCapped ? ", plafond atteint" : ""))"
            : "Non éligible : \(m.grant.refusals.joined(separator: " "))"
        let outcome: HTML = switch d.grantStatus {
        case .none: "Aucune demande enregistrée"
        case .granted: "\(DiagnosticGrantOutcomeForm.label(d.grantStatus))\(d.grantAmount.map { HTML(" : \(UI.xpf($0))") })\(d.grantOn.map { HTML(" le \(FrenchDate.long($0))") })"
        default: "\(DiagnosticGrantOutcomeForm.label(d.grantStatus))\(d.grantOn.map { HTML(" le \(FrenchDate.long($0))") })"
        }
        let choices = DiagnosticGrantOutcomeForm.choices.map { ($0.rawValue, DiagnosticGrantOutcomeForm.label($0)) }
        return """
        <section id="aide"><h2>Aide de la Province Sud</h2>
        <dl class="facts"><dt>Estimation du diagnostic</dt><dd>\(estimate)</dd><dt>Issue</dt><dd>\(outcome)</dd></dl>
        \(form.summary)
        <form method="post" action="\(Site.diagnosticAdminGrant.path(m.requestID))" class="stack">\(csrf)
        \(Input.select("grantStatus", "Où en est la demande", form, options: choices, required: true, blank: "Choisir…"))
        \(Input.text("grantOn", "Date du dépôt ou de la décision", form, type: "date"))
        \(Input.text("grantAmount", "Montant accordé (XPF)", form, hint: "Pour une aide accordée : montant entier en francs, sans centimes."))
        <button class="secondary">Enregistrer l'issue de l'aide</button></form></section>
        <section id="suivi"><h2>Diagnostic de suivi</h2>
        <p>Un second diagnostic, entre le \(FrenchDate.long(m.followUpWindow.lowerBound)) et le \(FrenchDate.long(m.followUpWindow.upperBound)),
        montre le chemin parcouru. Date suggérée : \(FrenchDate.long(m.suggestedFollowUp)).</p>
        \(UI.postButton(csrf: csrf, action: Site.diagnosticAdminFollowUp.path(m.requestID), label: "Planifier un diagnostic de suivi", style: "primary"))
        </section>
        """
    }
}
