import Foundation
import GrappeDomain

/// The diagnostic's settings page, drawn without a database: the grant's rules (activities,
/// communes by province, headcount, RIDET, rate, cap) and the retention of contact details.
enum DiagnosticSettingsView {
    static func page(_ typed: DiagnosticSettingsForm, errors: [String: String] = [:], problems: [String] = [], csrf: HTML) -> HTML {
        let form = FormState(values: typed.values, errors: errors.isEmpty && !problems.isEmpty ? ["rules": ""] : errors)
        let activities = DiagnosticCatalogueView.boxes("activities", "Activités éligibles", choices: BusinessActivity.allCases.map { ($0.rawValue, $0.label) },
                                                       ticked: typed.activities, error: errors["activities"])
        let provinces = Province.allCases.map { province in
            DiagnosticCatalogueView.boxes("communes", "Communes éligibles — \(province.name)", choices: province.communes.map { ($0, $0) },
                                          ticked: typed.communes, error: nil)
        }
        return """
        \(UI.breadcrumbs([("Diagnostics", Site.diagnosticAdminIndex.path()), ("Réglages du diagnostic", nil)]))
        <h1>Réglages du diagnostic numérique</h1>
        <p>Les règles de l'aide de la Province Sud servent à dire si une entreprise y est éligible et à estimer le montant de l'aide dans ses résultats.</p>
        \(form.summary)\(DiagnosticQuestionnaireView.problemList(problems))
        <form method="post" action="\(Site.diagnosticSettingsSave.path())" class="grid-form">\(csrf)
        <h2>L'aide à la transition numérique</h2>
        \(activities)
        \(provinces)
        <fieldset><legend>Conditions et montant</legend>
        \(Input.text("maxHeadcount", "Effectif maximal (salariés)", form, type: "number", hint: "Laissez vide pour ne pas limiter l'effectif."))
        \(Input.checkbox("requiresRIDET", "Un numéro RIDET valide est exigé", checked: typed.values["requiresRIDET"] == "1"))
        \(Input.text("ratePercent", "Taux de l'aide (%)", form, type: "number", required: true, hint: "Part des dépenses éligibles prise en charge, de 1 à 100 %."))
        \(Input.text("cap", "Plafond de l'aide (XPF)", form, required: true, hint: "Montant entier en francs, sans centimes : 250 000"))
        </fieldset>
        <h2>Données personnelles</h2>
        <fieldset><legend>Conservation</legend>
        \(Input.text("retentionMonths", "Durée de conservation des coordonnées d'une demande (mois)", form, type: "number", required: true,
                     hint: "Passé ce délai, les coordonnées du contact sont effacées ; les données de l'entreprise restent pour les statistiques."))
        </fieldset>
        <div class="form-actions"><button class="primary">Enregistrer</button></div>
        </form>
        """
    }
}
