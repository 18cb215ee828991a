import Fluent
import Vapor

/// `sitemap.xml` and `robots.txt`: the public pages, directory profiles, live job offers and
/// published news.
enum SitemapController {
    static func sitemap(_ req: Request) async throws -> Response {
        let orgID = try await req.organisationID()
        let base = req.application.baseURL
        var urls: [(String, Date?)] = ["/", Site.directoryIndex.path(), Site.jobIndex.path(), Site.newsIndex.path(), Site.eventIndex.path(), Site.joinForm.path(), Site.candidateForm.path(), Site.subscriptionForm.path(), Site.diagnosticForm.path()]
            .map { (base + $0, nil) }
        let companies = try await Company.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$publicProfile == true)
            .sort(\.$slug).all()
        urls += companies.map { ("\(base)/annuaire/\($0.slug)", $0.updatedAt) }
        let offers = try await JobQueries.live(req.db, organisationID: orgID, now: req.now).all()
        urls += offers.map { ("\(base)/emplois/\($0.id!.uuidString)", $0.updatedAt) }
        let posts = try await NewsPost.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$status == .published).all()
        urls += posts.map { ("\(base)/actualites/\($0.slug)", $0.updatedAt) }
        let entries = urls.map { url, modified in
            "<url><loc>\(HTML.escape(url))</loc>\(modified.map { "<lastmod>\(ISO8601DateFormatter().string(from: $0))</lastmod>" } ?? "")</url>"
        }
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            + entries.joined(separator: "\n") + "\n</urlset>\n"
        return Response(status: .ok, headers: ["Content-Type": "application/xml; charset=utf-8"], body: .init(string: xml))
    }

    static func robots(_ req: Request) async throws -> Response {
        let text = "User-agent: *\nDisallow: /adherents\nDisallow: /cotisations\nDisallow: /candidatures/\nDisallow: /api/\nSitemap: \(req.application.baseURL)/sitemap.xml\n"
        return Response(status: .ok, headers: ["Content-Type": "text/plain; charset=utf-8"], body: .init(string: text))
    }
}
