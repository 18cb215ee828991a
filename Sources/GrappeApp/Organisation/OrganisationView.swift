import Foundation
import GrappeDomain

/// The settings page, drawn without a database: the links to the other settings and the form
/// of the cluster's own details (`fields`, kept with their errors in `form`).
enum OrganisationView {
    typealias Field = (key: String, label: String, limit: Int, required: Bool)

    static func settings(fields: [Field], form: FormState, csrf: HTML) -> HTML {
        let inputs = fields.map { f in Input.text(f.key, f.label, form, type: f.key == "email" ? "email" : "text", required: f.required, maxLength: f.limit) }
        return """
        <h1>Réglages</h1>
        <p class="actions"><a class="button" href="\(Site.accountsIndex.path())">Comptes</a> <a class="button" href="\(Site.domainIndex.path())">Domaines de compétence</a> <a class="button" href="\(Site.feeScheduleIndex.path())">Barèmes de cotisation</a> <a class="button" href="\(Site.paymentSettingsEdit.path())">Coordonnées bancaires</a>
        <a class="button" href="\(Site.apiTokenIndex.path())">Jetons d'API</a> <a class="button" href="\(Site.diagnosticSettings.path())">Diagnostic numérique</a></p>
        <h2>Le cluster</h2>
        <p>Ces coordonnées figurent sur les appels de cotisation, les reçus et les courriels.</p>
        \(form.summary)
        <form method="post" action="\(Site.organisationSave.path())" class="grid-form">\(csrf)
        <fieldset><legend>Coordonnées</legend>\(inputs)</fieldset>
        <div class="form-actions"><button class="primary">Enregistrer</button></div>
        </form>
        """
    }
}
