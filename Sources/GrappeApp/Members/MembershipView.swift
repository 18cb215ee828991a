import Fluent
import Foundation
import GrappeDomain

/// The staff's resignation form, drawn without a request.
enum MembershipView {
    /// `state`: the end date and the reason, with their errors.
    static func resign(_ company: Company, state: FormState, csrf: HTML) -> HTML {
        let path = Site.memberShow.path(company)
        return """
        \(UI.breadcrumbs([("Adhérents", Site.memberListIndex.path()), (company.name, path), ("Démission", nil)]))
        <h1>Démission de « \(company.name) »</h1>
        <p>L'adhésion en cours passe au statut « Démission » à la date indiquée. Les cotisations déjà émises restent dues.</p>
        \(state.summary)
        <form method="post" action="\(Site.membershipResign.path(company))">\(csrf)
        \(Input.text("date", "Date de fin", state, type: "date", required: true))
        \(Input.textarea("reason", "Motif", state, maxLength: 500))
        <button class="danger">Enregistrer la démission</button> <a href="\(path)">Annuler</a>
        </form>
        """
    }
}
