import Foundation
import GrappeDomain

/// The action catalogue, drawn without a database: the entries per dimension, and the form
/// creating or changing one (what was typed kept, the message beside each field).
enum DiagnosticCatalogueView {
    static func list(_ actions: [DiagnosticAction], csrf: HTML) -> HTML {
        let titles = Dictionary(actions.map { ($0.key, $0.title) }, uniquingKeysWith: { a, _ in a })
        let head = """
        \(UI.breadcrumbs([("Diagnostics", Site.diagnosticAdminIndex.path()), ("Catalogue d'actions", nil)]))
        <div class="page-head"><h1>Catalogue d'actions</h1><a class="button primary" href="\(Site.diagnosticActionNew.path())">Nouvelle action</a></div>
        <p>Le plan d'un diagnostic reprend les actions de la dimension à renforcer et celles qui répondent aux écarts constatés,
        avec les adhérents dont les domaines de compétence les couvrent.</p>
        """
        guard !actions.isEmpty else { return "\(head)\(UI.emptyState("Le catalogue est vide."))" }
        let sections = DiagnosticDimension.allCases.map { dimension -> HTML in
            let entries = actions.filter { $0.dimension == dimension }
            guard !entries.isEmpty else { return "<section><h2>\(dimension.title)</h2>\(UI.emptyState("Aucune action pour cette dimension."))</section>" }
            let rows = entries.enumerated().map { index, a -> HTML in
                let up: HTML = index == 0 ? .empty : UI.postButton(csrf: csrf, action: Site.diagnosticActionMoveUp.path(a.key), label: "Monter")
                return """
                <tr><td><a href="\(Site.diagnosticActionEdit.path(a.key))">\(a.title)</a></td>
                <td>\(a.gaps.isEmpty ? "—" : a.gaps.map(\.title).joined(separator: ", "))</td><td>\(a.impact.label)</td><td>\(a.effort.label)</td>
                <td class="num">\(UI.xpf(a.cost))</td><td>\(a.grantEligible ? "oui" : "non")</td>
                <td>\(a.prerequisites.isEmpty ? "—" : a.prerequisites.map { titles[$0] ?? $0 }.joined(separator: ", "))</td>
                <td>\(a.competences.isEmpty ? "—" : a.competences.joined(separator: ", "))</td>
                <td>\(up) \(UI.postButton(csrf: csrf, action: Site.diagnosticActionDelete.path(a.key), label: "Supprimer", style: "danger", confirm: "Supprimer « \(a.title) » du catalogue ?"))</td></tr>
                """
            }
            return """
            <section><h2>\(dimension.title)</h2>
            <table class="list"><thead><tr><th>Action</th><th>Écarts traités</th><th>Impact</th><th>Effort</th><th>Coût indicatif</th><th>Aide</th><th>Prérequis</th><th>Compétences</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>\(rows)</tbody></table></section>
            """
        }
        return "\(head)\(sections)"
    }

    static func boxes(_ name: String, _ legend: String, choices: [(String, String)], ticked: [String], error: String?) -> HTML {
        let items = choices.map { Input.checkbox(name, $0.1, checked: ticked.contains($0.0), value: $0.0) }
        return """
        <fieldset class="field\(error != nil ? " has-error" : "")" id="\(name)"><legend>\(legend)</legend>\(items.isEmpty ? HTML("<p class=\"muted\">Aucun choix possible.</p>") : HTML.join(items))
        \(error.map { HTML("<p class=\"error\" id=\"\(name)-error\">\($0)</p>") })</fieldset>
        """
    }

    /// `key`: the entry changed, nil for a new one; `others`: the rest of the catalogue (possible prerequisites).
    static func form(key: String?, _ typed: DiagnosticCatalogueForm, errors: [String: String], others: [DiagnosticAction], domains: [String], csrf: HTML) -> HTML {
        let form = FormState(values: typed.values, errors: errors)
        let grades = DiagnosticAction.Grade.allCases.map { (String($0.rawValue), $0.label) }
        let action = key.map { Site.diagnosticActionUpdate.path($0) } ?? Site.diagnosticActionCreate.path()
        let title = key == nil ? "Nouvelle action" : "Modifier l'action"
        return """
        \(UI.breadcrumbs([("Diagnostics", Site.diagnosticAdminIndex.path()), ("Catalogue d'actions", Site.diagnosticActions.path()), (title, nil)]))
        <h1>\(title)</h1>
        \(key.map { HTML("<p class=\"muted\">Clé : <code>\($0)</code> (les plans des diagnostics y font référence ; elle ne change pas).</p>") })
        \(form.summary)
        <form method="post" action="\(action)" class="grid-form">\(csrf)
        <fieldset><legend>L'action</legend>
        \(Input.text("title", "Titre", form, required: true, maxLength: DiagnosticAction.titleLength))
        \(Input.textarea("details", "Description", form, maxLength: DiagnosticAction.detailsLength))
        \(Input.select("dimension", "Dimension améliorée", form, options: DiagnosticDimension.allCases.map { ($0.rawValue, $0.title) }, required: true, blank: "Choisir…"))
        \(Input.select("impact", "Impact", form, options: grades, required: true))
        \(Input.select("effort", "Effort", form, options: grades, required: true))
        \(Input.text("cost", "Coût indicatif (XPF)", form, required: true, hint: "Montant entier en francs, sans centimes : 150 000"))
        \(Input.checkbox("grantEligible", "Éligible à l'aide de la Province Sud", checked: typed.values["grantEligible"] == "1"))
        </fieldset>
        \(boxes("gaps", "Écarts auxquels elle répond", choices: DiagnosticGap.allCases.map { ($0.rawValue, $0.title) }, ticked: typed.gaps, error: errors["gaps"]))
        \(boxes("prerequisites", "Prérequis (actions à mener d'abord)", choices: others.map { ($0.key, $0.title) }, ticked: typed.prerequisites, error: errors["prerequisites"]))
        \(boxes("competences", "Domaines de compétence des prestataires", choices: domains.map { ($0, $0) }, ticked: typed.competences, error: errors["competences"]))
        <div class="form-actions"><button class="primary">Enregistrer</button> <a href="\(Site.diagnosticActions.path())">Annuler</a></div>
        </form>
        """
    }
}
