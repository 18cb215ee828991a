import Fluent
import Foundation
import GrappeDomain

/// The news pages, drawn from what the queries read; no database, no request.
enum NewsView {
    /// Who reads: the buttons and states they are shown.
    struct Reader: Sendable {
        let staff: Bool
        /// A member contact, who may propose a post.
        let canPropose: Bool
    }

    static func list(_ posts: [NewsPost], pages: Pagination, reader: Reader) -> HTML {
        let items = posts.map { p -> HTML in
            """
            <li class="card"><h2><a href="\(Site.newsShow.path(p))">\(p.title)</a></h2>
            <p class="muted">\(p.publishedAt.map(FrenchDate.long) ?? "")\(p.company.map { " · \($0.name)" } ?? "")</p>
            <p>\(Markdown.excerpt(p.body, maxLength: 280))</p></li>
            """
        }
        let canWrite = reader.staff || reader.canPropose
        return """
        <div class="page-head"><h1>Actualités</h1><div class="actions">
        \(canWrite ? HTML("<a class=\"button primary\" href=\"\(Site.newsFormNewForm.path())\">\(reader.staff ? "Publier une actualité" : "Proposer une actualité")</a>") : .empty)
        \(reader.staff ? HTML("<a class=\"button\" href=\"\(Site.newsManage.path())\">Modération</a>") : .empty)
        <a class="button" href="\(Site.subscriptionForm.path())">Recevoir la lettre d'information</a></div></div>
        \(posts.isEmpty ? UI.emptyState("Aucune actualité publiée pour le moment.") : HTML("<ul class=\"cards\">\(items)</ul>"))
        \(pages.links(path: Site.newsIndex.path(), params: [:]))
        """
    }

    /// A post; `moderation` is the staff's form for a post not yet published.
    static func article(_ p: NewsPost, editable: Bool, moderation: HTML) -> HTML {
        let state: HTML = p.status == .published ? .empty
            : "<p class=\"flash flash-error\">\(p.status.label)\(p.moderationNote.isEmpty ? "" : " : \(p.moderationNote)")</p>"
        let edit: HTML = editable ? "<a class=\"button\" href=\"\(Site.newsFormEditForm.path(p))\">Modifier</a>" : .empty
        return """
        \(UI.breadcrumbs([("Actualités", Site.newsIndex.path()), (p.title, nil)]))
        <article><div class="page-head"><h1>\(p.title)</h1><div class="actions">\(edit)</div></div>
        \(state)
        <p class="muted">\(p.publishedAt.map { "Publiée le \(FrenchDate.long($0))" } ?? "Non publiée")\(p.company.map { " · \($0.name)" } ?? "")</p>
        <div class="prose">\(HTML.markdown(p.body))</div></article>
        \(moderation)
        """
    }

    /// The Open Graph and description tags of a post, with its absolute address.
    static func head(_ p: NewsPost, url: String) -> HTML {
        let description = Markdown.excerpt(p.body, maxLength: 200)
        return """
        <meta name="description" content="\(description)">
        <meta property="og:type" content="article"><meta property="og:title" content="\(p.title)">
        <meta property="og:description" content="\(description)">
        <meta property="og:url" content="\(url)">
        """
    }

    static func moderationForm(_ p: NewsPost, csrf: HTML) -> HTML {
        """
        <form method="post" action="\(Site.newsFormModerate.path(p))" class="panel stack">\(csrf)
        <h2>Modération</h2>
        <label for="note">Message à l'auteur (facultatif pour publier, conseillé pour refuser)</label>
        <input id="note" name="note" maxlength="500">
        <div class="actions"><button name="decision" value="publish" class="primary">Publier</button>
        <button name="decision" value="reject" class="danger">Refuser</button></div></form>
        """
    }

    /// Staff: the posts waiting for moderation, then all the latest ones.
    static func moderationQueue(_ posts: [NewsPost]) -> HTML {
        func table(_ list: [NewsPost]) -> HTML {
            let rows = list.map { p in
                HTML("<tr><td><a href=\"\(Site.newsShow.path(p))\">\(p.title)</a></td><td>\(p.company?.name ?? "Équipe")</td><td>\(p.author?.displayName ?? "—")</td><td>\(p.createdAt.map(FrenchDate.short) ?? "—")</td><td>\(p.status.label)</td></tr>")
            }
            return "<table class=\"list\"><thead><tr><th>Titre</th><th>Entreprise</th><th>Auteur</th><th>Créée le</th><th>État</th></tr></thead><tbody>\(rows)</tbody></table>"
        }
        let pending = posts.filter { $0.status == .pending }
        return """
        <div class="page-head"><h1>Actualités : modération</h1><div class="actions"><a class="button primary" href="\(Site.newsFormNewForm.path())">Publier une actualité</a></div></div>
        <h2>À modérer</h2>\(pending.isEmpty ? UI.emptyState("Aucune proposition en attente.") : table(pending))
        <h2>Toutes</h2>\(posts.isEmpty ? UI.emptyState("Aucune actualité.") : table(posts))
        """
    }
}
