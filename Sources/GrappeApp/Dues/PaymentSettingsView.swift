import Foundation
import GrappeDomain

/// The bank details form, drawn without a database; `example`: the reference a due would carry.
enum PaymentSettingsView {
    static func form(_ form: FormState, example: PaymentReference, csrf: HTML) -> HTML {
        """
        \(UI.breadcrumbs([("Réglages", Site.organisationEdit.path()), ("Coordonnées bancaires", nil)]))
        <h1>Coordonnées bancaires</h1>
        <p>Elles figurent sur chaque appel de cotisation et chaque page de cotisation, avec la référence de paiement propre à la cotisation
        (par exemple <code>\(example.description)</code> : le numéro de la cotisation suivi d'un caractère de contrôle qui repère une référence mal recopiée).</p>
        \(form.summary)
        <form method="post" action="\(Site.paymentSettingsSave.path())" class="grid-form">\(csrf)
        <fieldset><legend>Compte du cluster</legend>
        \(Input.text("iban", "IBAN", form, required: true, maxLength: 42, hint: "Ex. NC49 1749 9000 1012 3456 7890 102 ; la clé RIB et les chiffres de contrôle sont vérifiés."))
        \(Input.text("bic", "BIC", form, maxLength: 11))
        \(Input.text("bankName", "Banque", form, required: true, maxLength: 120))
        \(Input.text("accountHolder", "Titulaire du compte", form, required: true, maxLength: 120))
        </fieldset>
        <div class="form-actions"><button class="primary">Enregistrer</button></div>
        </form>
        """
    }
}
