import Foundation
import GrappeDomain

/// The renewal settings' form, drawn without a database: the grace period after a due date,
/// the lapse date (day and month of the new year) and the reminder's lead.
enum RenewalSettingsView {
    static func render(_ form: FormState, csrf: HTML) -> HTML {
        """
        \(UI.breadcrumbs([("Cotisations", Site.duesDashboardIndex.path()), ("Réglages du renouvellement", nil)]))
        <h1>Réglages du renouvellement</h1>
        \(form.summary)
        <form method="post" action="\(Site.renewalSettingsSave.path())">\(csrf)
        \(Input.text("graceDays", "Délai de grâce (jours)", form, type: "number", required: true,
                     hint: "Un adhérent garde ses services (vivier de candidatures…) tant que sa cotisation n'est pas échue, plus ce délai.", extra: " min=\"0\" max=\"365\""))
        <fieldset><legend>Date de non-renouvellement</legend>
        <p>Une adhésion renouvelée sans confirmation de l'adhérent ni paiement à cette date devient « non renouvelée ».</p>
        \(Input.text("lapseDay", "Jour", form, type: "number", required: true, extra: " min=\"1\" max=\"31\""))
        \(Input.text("lapseMonth", "Mois", form, type: "number", required: true, extra: " min=\"1\" max=\"12\""))
        </fieldset>
        \(Input.text("reminderDays", "Rappel envoyé (jours avant cette date)", form, type: "number", required: true, extra: " min=\"1\" max=\"90\""))
        <button class="primary">Enregistrer</button>
        </form>
        """
    }

    static func values(_ s: RenewalSettings) -> FormState {
        FormState(values: ["graceDays": String(s.graceDays), "lapseDay": String(s.lapseDay), "lapseMonth": String(s.lapseMonth), "reminderDays": String(s.reminderDays)])
    }
}
