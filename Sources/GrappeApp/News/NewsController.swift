import Fluent
import Vapor

/// News: the public list and pages; staff publish directly, member contacts propose news about
/// their company, which staff publish or reject. Read by `NewsQueries`, drawn by `NewsView`.
enum NewsController {
    static func index(_ req: Request) async throws -> Response {
        let (posts, pages) = try await NewsQueries.published(req.db, organisationID: try await req.organisationID(), page: Pagination.requestedPage(req))
        let reader = NewsView.Reader(staff: req.viewer.isStaff, canPropose: !req.viewer.companyIDs.isEmpty)
        return try await Layout.page(req, title: "Actualités", body: NewsView.list(posts, pages: pages, reader: reader))
    }

    static func show(_ req: Request) async throws -> Response {
        guard let slug = req.parameters.get("slug"),
              let p = try await NewsQueries.bySlug(req.db, organisationID: try await req.organisationID(), slug: slug) else { throw Abort(.notFound) }
        let isAuthor = p.$author.id != nil && p.$author.id == req.viewer.user?.id
        guard p.status == .published || req.viewer.isStaff || isAuthor else { throw Abort(.notFound) }
        let moderation: HTML = req.viewer.isStaff && p.status != .published ? NewsView.moderationForm(p, csrf: CSRF.hiddenField(req)) : .empty
        let body = NewsView.article(p, editable: req.viewer.isStaff || (isAuthor && p.status != .published), moderation: moderation)
        return try await Layout.page(req, title: p.title, head: NewsView.head(p, url: req.application.baseURL + Site.newsShow.path(p)), body: body)
    }

    /// Staff: every post waiting for moderation, then the latest ones.
    static func manage(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let posts = try await NewsQueries.recent(req.db, organisationID: try await req.organisationID())
        return try await Layout.page(req, title: "Modération des actualités", body: NewsView.moderationQueue(posts))
    }
}
