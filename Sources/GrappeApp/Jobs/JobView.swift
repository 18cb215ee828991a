import Fluent
import Foundation
import GrappeDomain

/// The job pages, drawn without a database: the public list (with the offers of the reader's
/// company) and an offer's page (with its managers' and the staff's tools).
enum JobView {
    static func list(_ shown: [JobOffer], total: Int, mine: [JobOffer], pages: Pagination, filter: JobQueries.Filter, canPost: Bool, now: Date) -> HTML {
        let form = FormState(values: filter.params)
        let rows = shown.map { o -> HTML in
            """
            <li class="card"><h2><a href="\(Site.jobShow.path(o))">\(o.title)</a></h2>
            <p>\(UI.badge(o.kind.label, "info")) \(o.contract.label) · \(o.commune) · <a href="\(Site.directoryShow.path(o.company.slug))">\(o.company.name)</a></p>
            <p class="muted">Publiée le \(o.createdAt.map(FrenchDate.short) ?? "—") · jusqu'au \(FrenchDate.short(o.expiresAt.addingTimeInterval(-1)))</p></li>
            """
        }
        let mineRows = mine.map { o -> HTML in
            "<tr><td><a href=\"\(Site.jobShow.path(o))\">\(o.title)</a></td><td>\(o.isLive(at: now) ? UI.badge("en ligne", "ok") : o.status == .hidden ? UI.badge("masquée", "warn") : UI.badge("expirée", "muted"))</td><td>\(FrenchDate.short(o.expiresAt.addingTimeInterval(-1)))</td></tr>"
        }
        return """
        <div class="page-head"><h1>Offres d'emploi et de stage</h1>
        \(canPost ? HTML("<div class=\"actions\"><a class=\"button primary\" href=\"\(Site.jobNewForm.path())\">Publier une offre</a></div>") : .empty)</div>
        <p class="lead">Les postes, stages et alternances proposés par les entreprises adhérentes.
        Vous cherchez sans offre précise ? <a href="\(Site.candidateForm.path())">Déposez une candidature libre</a>.</p>
        \(mine.isEmpty ? .empty : HTML("<h2>Les offres de votre entreprise</h2><table class=\"list\"><thead><tr><th>Offre</th><th>État</th><th>Jusqu'au</th></tr></thead><tbody>\(mineRows)</tbody></table>"))
        <form method="get" action="\(Site.jobIndex.path())" class="filters" role="search">
        \(Input.text("q", "Recherche", form, type: "search", maxLength: 100))
        \(Input.select("type", "Type", form, options: JobKind.allCases.map { ($0.rawValue, $0.label) }, blank: "Tous"))
        \(Input.select("contrat", "Contrat", form, options: JobContract.allCases.map { ($0.rawValue, $0.label) }, blank: "Tous"))
        \(Input.select("commune", "Lieu", form, options: Communes.inFrenchOrder.map { ($0, $0) }, blank: "Tous"))
        <button class="primary">Filtrer</button></form>
        \(total == 0 ? UI.emptyState("Aucune offre en ligne pour ces critères.") : HTML("<ul class=\"cards\">\(rows)</ul>"))
        \(pages.links(path: Site.jobIndex.path(), params: filter.params))
        """
    }

    /// `manage`: the company's contacts and the staff; `staff`: the moderation form.
    static func page(_ o: JobOffer, manage: Bool, staff: Bool, now: Date, csrf: HTML) -> HTML {
        let live = o.isLive(at: now)
        let tools: HTML = manage ? """
            <div class="actions"><a class="button" href="\(Site.jobEditForm.path(o))">Modifier</a>
            \(live ? UI.postButton(csrf: csrf, action: Site.jobWithdraw.path(o), label: "Retirer l'offre", style: "danger", confirm: "Retirer cette offre du site ?") : .empty)</div>
            """ : .empty
        let moderation: HTML = staff ? """
            <form method="post" action="\(Site.jobModerate.path(o))" class="panel">\(csrf)
            <h2>Modération</h2>
            <label for="note">Motif (envoyé à l'entreprise)</label><input id="note" name="note" maxlength="500" value="\(o.moderationNote)">
            <button class="\(o.status == .published ? "danger" : "primary")">\(o.status == .published ? "Masquer l'offre" : "Republier l'offre")</button></form>
            """ : .empty
        let state: HTML = live ? .empty : o.status == .hidden
            ? "<p class=\"flash flash-error\">Offre masquée par la modération\(o.moderationNote.isEmpty ? "" : " : \(o.moderationNote)").</p>"
            : "<p class=\"flash flash-error\">Offre expirée : elle n'est plus visible du public.</p>"
        return """
        \(UI.breadcrumbs([("Emplois", Site.jobIndex.path()), (o.title, nil)]))
        <div class="page-head"><h1>\(o.title)</h1>\(tools)</div>
        \(state)
        <p>\(UI.badge(o.kind.label, "info")) \(o.contract.label) · \(o.commune) · <a href="\(Site.directoryShow.path(o.company.slug))">\(o.company.name)</a></p>
        <div class="prose">\(HTML.markdown(o.about))</div>
        <h2>Comment postuler</h2><p>\(o.howToApply)</p>
        <p class="muted">Publiée le \(o.createdAt.map(FrenchDate.long) ?? "—") · en ligne jusqu'au \(FrenchDate.long(o.expiresAt.addingTimeInterval(-1))).</p>
        \(moderation)
        """
    }
}
