import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The news pages drawn from posts in memory: no database, no request.
@Suite struct NewsViewTests {
    static func post(_ title: String, status: NewsPost.Status, note: String = "") -> NewsPost {
        let p = NewsPost(organisationID: UUID(), authorID: nil, companyID: nil)
        p.title = title
        p.slug = TextFolding.slug(title)
        p.body = "Un **atelier** <img src=x onerror=alert(1)>"
        p.status = status
        p.moderationNote = note
        p.publishedAt = status == .published ? FrenchDate.make(2026, 9, 1) : nil
        return p
    }

    @Test func theListOffersWhatEachReaderMayDo() {
        let posts = [Self.post("Croissant numérique", status: .published)]
        let pages = Pagination(page: 1, perPage: 10, total: 1)
        let visitor = NewsView.list(posts, pages: pages, reader: .init(staff: false, canPropose: false)).raw
        #expect(visitor.contains("href=\"/actualites/croissant-numerique\"") && visitor.contains("mardi 1er septembre 2026"))
        #expect(!visitor.contains("Proposer une actualité") && !visitor.contains("Modération"))
        #expect(NewsView.list(posts, pages: pages, reader: .init(staff: false, canPropose: true)).raw.contains("Proposer une actualité"))
        #expect(NewsView.list([], pages: Pagination(page: 1, perPage: 10, total: 0), reader: .init(staff: true, canPropose: false)).raw
            .contains("Aucune actualité publiée pour le moment."))
    }

    @Test func aPostWaitingShowsItsStateAndEscapesItsText() {
        let p = Self.post("Afterwork <cyber>", status: .rejected, note: "Hors sujet")
        let html = NewsView.article(p, editable: true, moderation: NewsView.moderationForm(p, csrf: "<input name=\"_csrf\">")).raw
        #expect(html.contains("Afterwork &lt;cyber&gt;") && !html.contains("<img src=x"))
        #expect(html.contains("Hors sujet") && html.contains("Non publiée"))
        #expect(html.contains("action=\"\(Site.newsFormModerate.path(p))\"") && html.contains("href=\"\(Site.newsFormEditForm.path(p))\""))
        let queue = NewsView.moderationQueue([Self.post("En attente", status: .pending), p]).raw
        #expect(queue.components(separatedBy: "href=\"/actualites/en-attente\"").count == 3, "listed to moderate and among all")
    }
}
