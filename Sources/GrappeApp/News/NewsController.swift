import Fluent
import GrappeDomain
import Vapor

/// News: the public list and pages; staff publish directly, member contacts propose news about
/// their company, which staff publish or reject.
enum NewsController {
    static func index(_ req: Request) async throws -> Response {
        let orgID = try await req.organisationID()
        let query = NewsPost.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$status == .published)
        let pages = Pagination(page: Pagination.requestedPage(req), perPage: 10, total: try await query.count())
        let posts = try await query.sort(\.$publishedAt, .descending).with(\.$company).range(pages.offset..<(pages.offset + pages.perPage)).all()
        let items = posts.map { p -> HTML in
            """
            <li class="card"><h2><a href="\(Site.newsShow.path(p.slug))">\(p.title)</a></h2>
            <p class="muted">\(FrenchDate.long(p.publishedAt ?? Date()))\(p.company.map { " · \($0.name)" } ?? "")</p>
            <p>\(Markdown.excerpt(p.body, maxLength: 280))</p></li>
            """
        }
        let canWrite = req.viewer.isStaff || !req.viewer.companyIDs.isEmpty
        let body: HTML = """
        <div class="page-head"><h1>Actualités</h1><div class="actions">
        \(canWrite ? HTML("<a class=\"button primary\" href=\"\(Site.newsFormNewForm.path())\">\(req.viewer.isStaff ? "Publier une actualité" : "Proposer une actualité")</a>") : .empty)
        \(req.viewer.isStaff ? HTML("<a class=\"button\" href=\"\(Site.newsManage.path())\">Modération</a>") : .empty)
        <a class="button" href="\(Site.subscriptionForm.path())">Recevoir la lettre d'information</a></div></div>
        \(posts.isEmpty ? UI.emptyState("Aucune actualité publiée pour le moment.") : HTML("<ul class=\"cards\">\(items)</ul>"))
        \(pages.links(path: Site.newsIndex.path(), params: [:]))
        """
        return try await Layout.page(req, title: "Actualités", body: body)
    }

    static func show(_ req: Request) async throws -> Response {
        let orgID = try await req.organisationID()
        guard let slug = req.parameters.get("slug"), slug.count <= 160,
              let p = try await NewsPost.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$slug == slug).with(\.$company).first()
        else { throw Abort(.notFound) }
        let isAuthor = p.$author.id != nil && p.$author.id == req.viewer.user?.id
        guard p.status == .published || req.viewer.isStaff || isAuthor else { throw Abort(.notFound) }
        let state: HTML = p.status == .published ? .empty
            : "<p class=\"flash flash-error\">\(p.status.label)\(p.moderationNote.isEmpty ? "" : " : \(p.moderationNote)")</p>"
        let moderation: HTML = req.viewer.isStaff && p.status != .published ? moderationForm(req, p) : .empty
        let edit: HTML = req.viewer.isStaff || (isAuthor && p.status != .published)
            ? "<a class=\"button\" href=\"\(Site.newsFormEditForm.path(p.slug))\">Modifier</a>" : .empty
        let description = Markdown.excerpt(p.body, maxLength: 200)
        let head: HTML = """
        <meta name="description" content="\(description)">
        <meta property="og:type" content="article"><meta property="og:title" content="\(p.title)">
        <meta property="og:description" content="\(description)">
        <meta property="og:url" content="\(req.application.baseURL)\(Site.newsShow.path(p))">
        """
        let body: HTML = """
        \(UI.breadcrumbs([("Actualités", Site.newsIndex.path()), (p.title, nil)]))
        <article><div class="page-head"><h1>\(p.title)</h1><div class="actions">\(edit)</div></div>
        \(state)
        <p class="muted">\(p.publishedAt.map { "Publiée le \(FrenchDate.long($0))" } ?? "Non publiée")\(p.company.map { " · \($0.name)" } ?? "")</p>
        <div class="prose">\(HTML.markdown(p.body))</div></article>
        \(moderation)
        """
        return try await Layout.page(req, title: p.title, head: head, body: body)
    }

    static func moderationForm(_ req: Request, _ p: NewsPost) -> HTML {
        """
        <form method="post" action="\(Site.newsFormModerate.path(p.slug))" class="panel stack">\(CSRF.hiddenField(req))
        <h2>Modération</h2>
        <label for="note">Message à l'auteur (facultatif pour publier, conseillé pour refuser)</label>
        <input id="note" name="note" maxlength="500">
        <div class="actions"><button name="decision" value="publish" class="primary">Publier</button>
        <button name="decision" value="reject" class="danger">Refuser</button></div></form>
        """
    }

    /// Staff: every post waiting for moderation, then the latest ones.
    static func manage(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let orgID = try await req.organisationID()
        let posts = try await NewsPost.query(on: req.db).filter(\.$organisation.$id == orgID).with(\.$company).with(\.$author)
            .sort(\.$createdAt, .descending).limit(200).all()
        let pending = posts.filter { $0.status == .pending }
        func table(_ list: [NewsPost]) -> HTML {
            let rows = list.map { p in
                HTML("<tr><td><a href=\"\(Site.newsShow.path(p.slug))\">\(p.title)</a></td><td>\(p.company?.name ?? "Équipe")</td><td>\(p.author?.displayName ?? "—")</td><td>\(FrenchDate.short(p.createdAt ?? Date()))</td><td>\(p.status.label)</td></tr>")
            }
            return "<table class=\"list\"><thead><tr><th>Titre</th><th>Entreprise</th><th>Auteur</th><th>Créée le</th><th>État</th></tr></thead><tbody>\(rows)</tbody></table>"
        }
        let body: HTML = """
        <div class="page-head"><h1>Actualités : modération</h1><div class="actions"><a class="button primary" href="\(Site.newsFormNewForm.path())">Publier une actualité</a></div></div>
        <h2>À modérer</h2>\(pending.isEmpty ? UI.emptyState("Aucune proposition en attente.") : table(pending))
        <h2>Toutes</h2>\(posts.isEmpty ? UI.emptyState("Aucune actualité.") : table(posts))
        """
        return try await Layout.page(req, title: "Modération des actualités", body: body)
    }
}
