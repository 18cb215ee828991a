import Fluent
import Foundation
import GrappeDomain

/// The staff's directory management page, drawn without a database: the requests to decide,
/// then the public profiles to verify.
enum DirectoryAdminView {
    /// `now` stands in for a request's missing reception date.
    static func index(_ page: DirectoryAdminPage, now: Date, csrf: HTML) -> HTML {
        let requestRows = page.requests.map { requestRow($0, now: now, csrf: csrf) }
        let staleRows = page.stale.map { c -> HTML in
            """
            <tr><td><a href="\(Site.directoryShow.path(c.slug))">\(c.name)</a></td><td>\(c.commune)</td>
            <td>\(c.verifiedAt.map { FrenchDate.short($0) } ?? "jamais")</td>
            <td>\(UI.postButton(csrf: csrf, action: Site.directoryAdminVerify.path(c), label: "Marquer vérifiée"))
            <a href="\(Site.memberEditForm.path(c))">Modifier</a></td></tr>
            """
        }
        return """
        <div class="page-head"><h1>Gestion de l'annuaire</h1>
        <div class="actions"><a class="button primary" href="\(Site.memberNewForm.path())">Ajouter un professionnel</a></div></div>
        <h2>Demandes à traiter</h2>
        \(page.requests.isEmpty ? UI.emptyState("Aucune demande en attente.") : HTML("<table class=\"list\"><thead><tr><th>Reçue</th><th>Fiche</th><th>Demande</th><th>Demandeur</th><th>Message</th><th>Décision</th></tr></thead><tbody>\(requestRows)</tbody></table>"))
        <h2>Fiches publiques, les moins récemment vérifiées d'abord</h2>
        \(page.stale.isEmpty ? UI.emptyState("Aucune fiche publique.") : HTML("<table class=\"list\"><thead><tr><th>Entreprise</th><th>Commune</th><th>Vérifiée le</th><th><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>\(staleRows)</tbody></table>"))
        \(page.pages.links(path: Site.directoryAdminIndex.path(), params: [:]))
        """
    }

    /// A request with its message and the form to apply or refuse it.
    static func requestRow(_ r: DirectoryRequest, now: Date, csrf: HTML) -> HTML {
        """
        <tr><td>\(FrenchDate.short(r.createdAt ?? now))</td><td><a href="\(Site.directoryShow.path(r.company.slug))">\(r.company.name)</a></td>
        <td>\(r.kind.label)</td><td>\(r.requesterName)<br><small>\(r.requesterEmail)</small></td><td class="pre">\(r.message)</td>
        <td><a class="button" href="\(Site.memberEditForm.path(r.company))">Modifier la fiche</a>
        <form method="post" action="\(Site.directoryAdminDecide.path(r.id!))" class="stack">\(csrf)
        <label class="visually-hidden" for="note-\(r.id!.uuidString)">Réponse</label>
        <input id="note-\(r.id!.uuidString)" name="note" maxlength="500" placeholder="Réponse au demandeur (facultatif)">
        <button name="decision" value="apply" class="primary">\(r.kind == .removal ? "Retirer la fiche" : "Correction faite")</button>
        <button name="decision" value="reject" class="secondary">Refuser</button></form></td></tr>
        """
    }
}
