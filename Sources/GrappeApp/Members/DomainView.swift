import Foundation
import GrappeDomain

/// The staff's list of domains of competence, drawn without a request: each domain with the
/// number of companies using it, renamed in place, deleted only when unused.
enum DomainView {
    /// `counts`: companies per domain id; `form` is the new domain's field.
    static func list(_ domains: [CompetenceDomain], counts: [UUID: Int], form: FormState, csrf: HTML) -> HTML {
        let rows = domains.map { d -> HTML in
            let n = counts[d.id!] ?? 0
            return """
            <tr><td><form method="post" action="\(Site.domainRename.path(d.id!))" class="inline">\(csrf)
            <input name="name" value="\(d.name)" maxlength="80" aria-label="Nom du domaine"> <button>Renommer</button></form></td>
            <td class="num">\(n)</td>
            <td>\(n == 0 ? UI.postButton(csrf: csrf, action: Site.domainDelete.path(d.id!), label: "Supprimer", style: "danger", confirm: "Supprimer ce domaine ?") : "utilisé" as HTML)</td></tr>
            """
        }
        return """
        <h1>Domaines de compétence</h1>
        \(form.summary)
        <form method="post" action="\(Site.domainCreate.path())" class="inline-form">\(csrf)
        \(Input.text("name", "Nouveau domaine", form, required: true, maxLength: 80))
        <button class="primary">Ajouter</button></form>
        \(domains.isEmpty ? UI.emptyState("Aucun domaine.") : "<table class=\"list\"><caption>\(domains.count) domaines</caption><thead><tr><th>Nom</th><th class=\"num\">Entreprises</th><th><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>\(rows)</tbody></table>")
        """
    }
}
