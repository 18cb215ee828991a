import Foundation
import GrappeDomain

/// The results of a closed diagnostic on the staff's page of its request: the same parts as the
/// business's page (`DiagnosticResultsView`), with the plan editor — move an action up or down,
/// remove it, add one from the catalogue, each a small form that works without JavaScript — the
/// plan's warnings, and the button that sends the business a new link.
enum DiagnosticResultsAdminView {
    static func section(_ page: DiagnosticResultsPage, catalogue: [DiagnosticAction], form: FormState, csrf: HTML) -> HTML {
        let id = page.request.id!
        let count = page.plan.items.count
        let controls: (DiagnosticPlan.Item, Int) -> HTML = { item, index in
            let key = item.action.key
            let up = index > 0 ? UI.postButton(csrf: csrf, action: Site.diagnosticPlanMove.path(id), label: "Monter", fields: [("action", key), ("direction", "up")]) : HTML.empty
            let down = index < count - 1 ? UI.postButton(csrf: csrf, action: Site.diagnosticPlanMove.path(id), label: "Descendre", fields: [("action", key), ("direction", "down")]) : HTML.empty
            let remove = UI.postButton(csrf: csrf, action: Site.diagnosticPlanRemove.path(id), label: "Retirer du plan", style: "danger",
                                       confirm: "Retirer « \(item.action.title) » du plan ?", fields: [("action", key)])
            return "<div class=\"actions plan-controls\">\(up) \(down) \(remove)</div>"
        }
        let inPlan = Set(page.plan.actions.map(\.key))
        let addable = catalogue.filter { !inPlan.contains($0.key) }.map { ($0.key, "\($0.title) — \(Money.xpf($0.cost))") }
        let warnings = page.plan.warnings.map { HTML("<li>\($0)</li>") }
        let addForm: HTML = addable.isEmpty ? HTML("<p>Toutes les actions du catalogue sont déjà dans le plan.</p>") : """
            <form method="post" action="\(Site.diagnosticPlanAdd.path(id))" class="stack">\(csrf)
            \(Input.select("action", "Action du catalogue", FormState(values: form.values), options: addable, required: true, blank: "Choisir…"))
            <button class="primary">Ajouter au plan</button></form>
            """
        return """
        <section class="results-admin">
        <h2>Résultats du diagnostic</h2>
        <p>L'entreprise lit ces résultats par son lien privé, envoyé à \(page.request.contactEmail.isEmpty ? "son contact" : page.request.contactEmail). Le plan suit les changements faits ici.</p>
        \(UI.postButton(csrf: csrf, action: Site.diagnosticResultsResend.path(id), label: "Renvoyer le lien à l'entreprise",
                        confirm: "Envoyer un nouveau lien ? L'ancien ne fonctionnera plus."))
        \(warnings.isEmpty ? HTML.empty : HTML("<div class=\"flash flash-info\" role=\"status\"><p>À vérifier dans le plan :</p><ul class=\"plan-warnings\">\(warnings)</ul></div>"))
        \(form.errors["action"].map { HTML("<p class=\"flash flash-error\" role=\"alert\">\($0)</p>") })
        \(DiagnosticResultsView.body(page, controls: controls))
        <h3>Ajouter une action au plan</h3>
        \(addForm)
        </section>
        """
    }
}
