import Foundation
import GrappeDomain

/// The renewal panel of a member's company page, drawn without a database: confirm the
/// renewal and, before the call, declare the headcount (the bracket and the fee follow).
enum RenewalPanelView {
    static func render(_ offer: RenewalOffer, form: FormState, csrf: HTML) -> HTML {
        let year = offer.year
        let state: HTML = offer.confirmedAt.map {
            "<p>\(UI.badge("confirmé", "ok")) Renouvellement \(year) confirmé le \(FrenchDate.short($0)) par \(offer.confirmedBy ?? "—") (\(French.count(offer.headcount, "salarié", "salariés"))).</p>"
        } ?? "<p>Confirmez le renouvellement de votre adhésion pour \(year)\(offer.called ? "" : " et mettez à jour votre effectif avant l'appel de cotisation").</p>"
        let fee: HTML = offer.fee.map { "<p>Catégorie \(offer.category.label), tranche \(offer.bracketLabel ?? "—") : cotisation \(year) de \(UI.xpf($0)).</p>" }
            ?? "<p>Le barème \(year) n'est pas encore publié : le montant vous sera indiqué dans l'appel.</p>"
        let headcount: HTML = offer.called ? .empty
            : Input.text("headcount", "Effectif (salariés)", form, type: "number", required: true, extra: " min=\"0\" max=\"100000\"")
        return """
        <section class="panel" id="renouvellement"><h2>Renouvellement \(year)</h2>
        \(state)\(fee)
        \(form.summary)
        \(offer.called && offer.confirmedAt != nil ? HTML.empty : """
        <form method="post" action="\(Site.renewalConfirm.path(offer.companyID))" class="inline-form">\(csrf)
        \(headcount)
        <button class="primary">\(offer.confirmedAt == nil ? "Confirmer le renouvellement \(year)" : "Mettre à jour l'effectif")</button>
        </form>
        """)</section>
        """
    }
}
