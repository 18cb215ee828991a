import Fluent
import Foundation
import GrappeDomain

/// The communication figures of a year, drawn without a database: the panel of the report's
/// preparation page (with the staff's entry form) and the page of a refused entry.
enum CommunicationView {
    static func panel(_ figures: [CommunicationFigure], year: Int, form: FormState, staff: Bool, csrf: HTML) -> HTML {
        let rows = figures.map { f -> HTML in
            let remove: HTML = staff ? UI.postButton(csrf: csrf, action: Site.communicationDelete.path(year, f.id!), label: "Supprimer", style: "link", confirm: "Supprimer ce chiffre ?") : .empty
            return "<tr><td>\(f.channel)</td><td>\(f.metric.label)</td><td class=\"num\">\(Money.grouped(f.value))</td><td>\(f.source)</td><td>\(remove)</td></tr>"
        }
        let entry: HTML = staff ? """
            <form method="post" action="\(Site.communicationSave.path(year))" class="inline-form">\(csrf)
            \(Input.text("channel", "Réseau ou support", form, required: true, maxLength: 60, hint: "ex. LinkedIn, Facebook, site"))
            \(Input.select("metric", "Chiffre", form, options: CommunicationFigure.Metric.allCases.map { ($0.rawValue, $0.label) }))
            \(Input.text("value", "Valeur", form, required: true, maxLength: 12))
            \(Input.text("source", "Source", form, required: true, maxLength: 200, hint: "ex. statistiques LinkedIn au 31/12"))
            <button class="primary">Enregistrer</button></form>
            <p><small>Un chiffre déjà saisi pour le même réseau est remplacé.</small></p>
            """ : .empty
        return """
        <h2 id="communication">Chiffres de communication \(year)</h2>
        \(rows.isEmpty ? UI.emptyState("Aucun chiffre saisi : le rapport affichera « pas de donnée ».") : "<table class=\"list\"><thead><tr><th>Réseau</th><th>Chiffre</th><th class=\"num\">Valeur</th><th>Source</th><th><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>\(rows)</tbody></table>")
        \(entry)
        """
    }

    /// A figure refused: the panel again, with what was typed and the errors.
    static func refused(_ figures: [CommunicationFigure], year: Int, form: FormState, staff: Bool, csrf: HTML) -> HTML {
        """
        \(UI.breadcrumbs([("Rapport annuel", Site.reportIndex.path()), ("\(year)", Site.reportShow.path(year)), ("Chiffres de communication", nil)]))
        <p class="flash flash-error" role="alert">Le chiffre n'a pas été enregistré : corrigez les champs signalés.</p>
        \(panel(figures, year: year, form: form, staff: staff, csrf: csrf))
        """
    }
}
