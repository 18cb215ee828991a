import Fluent
import Foundation
import GrappeDomain

/// The candidate pool as members read it, drawn without a database: the searchable list and a
/// candidate's page, with the log of the CV's readings for staff. `now` dates a candidature
/// not yet stamped.
enum PoolView {
    /// `q`: the search typed; `shown`: this page of the results.
    static func list(_ shown: [Candidate], q: String, pages: Pagination, now: Date) -> HTML {
        let rows = shown.map { c -> HTML in
            """
            <tr><td><a href="\(Site.poolShow.path(c.id!))">\(c.fullName)</a></td><td>\(c.wishedFields)</td>
            <td>\(FrenchDate.short(c.createdAt ?? now))</td><td><a href="\(Site.poolCv.path(c.id!))">CV (PDF, \(c.cvBytes / 1024) Ko)</a></td></tr>
            """
        }
        return """
        <h1>Vivier de candidatures libres</h1>
        <p class="lead">Des personnes qui souhaitent travailler dans le numérique en Nouvelle-Calédonie. Chaque ouverture de CV est enregistrée ;
        les candidatures sont supprimées au bout de 24 mois.</p>
        <form method="get" action="\(Site.poolIndex.path())" class="filters" role="search">\(Input.text("q", "Recherche", FormState(values: ["q": q]), type: "search", maxLength: 100))<button class="primary">Rechercher</button></form>
        \(shown.isEmpty ? UI.emptyState(q.isEmpty ? "Aucune candidature pour le moment." : "Aucune candidature ne correspond.") : HTML("<table class=\"list\"><thead><tr><th>Candidat</th><th>Recherche</th><th>Déposée le</th><th>CV</th></tr></thead><tbody>\(rows)</tbody></table>"))
        \(pages.links(path: Site.poolIndex.path(), params: ["q": q]))
        """
    }

    /// `reads`: the CV's readings (their user and company loaded), given to staff only.
    static func page(_ c: Candidate, reads: [CVRead]?, now: Date) -> HTML {
        let log: HTML = reads.map { reads -> HTML in
            let rows = reads.map { r in HTML("<tr><td>\(FrenchDate.dateTime(r.readAt))</td><td>\(r.user?.displayName ?? "—")</td><td>\(r.company?.name ?? "équipe")</td></tr>") }
            let table: HTML = reads.isEmpty ? UI.emptyState("Ce CV n'a pas encore été ouvert.") : HTML("<table class=\"list\"><thead><tr><th>Quand</th><th>Qui</th><th>Entreprise</th></tr></thead><tbody>\(rows)</tbody></table>")
            return "<h2>Consultations du CV</h2>\(table)"
        } ?? .empty
        return """
        \(UI.breadcrumbs([("Vivier", Site.poolIndex.path()), (c.fullName, nil)]))
        <h1>\(c.fullName)</h1>
        <dl class="facts"><dt>Recherche</dt><dd>\(c.wishedFields)</dd><dt>E-mail</dt><dd><a href="mailto:\(c.email)">\(c.email)</a></dd>
        <dt>Déposée le</dt><dd>\(FrenchDate.long(c.createdAt ?? now))</dd><dt>Conservée jusqu'au</dt><dd>\(FrenchDate.long(c.expiresAt))</dd></dl>
        \(c.message.isEmpty ? .empty : HTML("<p class=\"pre\">\(c.message)</p>"))
        <p><a class="button primary" href="\(Site.poolCv.path(c.id!))">Ouvrir le CV (PDF)</a></p>
        \(log)
        """
    }
}
