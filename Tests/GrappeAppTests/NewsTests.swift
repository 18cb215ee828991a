import Fluent
import Foundation
import Testing
import Vapor
@testable import GrappeApp

/// Shared helpers of the news tests.
private struct NewsKit {
    static let body = "Un texte d'actualité assez long pour passer la validation du formulaire."

    static func client(_ app: Application, _ email: String, password: String = DemoData.password) async throws -> TestClient {
        let client = TestClient(app)
        try await client.login(email, password)
        return client
    }

    static func post(_ app: Application, slug: String) async throws -> NewsPost {
        try #require(try await NewsPost.query(on: app.db).filter(\.$slug == slug).first())
    }

    static func pendingDemoPost(_ app: Application) async throws -> NewsPost {
        try #require(try await NewsPost.query(on: app.db).filter(\.$status == .pending).first())
    }

    static func skazy(_ app: Application) async throws -> Company {
        try #require(try await Company.query(on: app.db).filter(\.$name == "SKAZY").first())
    }

    static func user(_ app: Application, _ email: String) async throws -> User {
        try #require(try await User.query(on: app.db).filter(\.$email == email).first())
    }

    /// The slug the app redirected to after creating a post.
    static func slug(from page: TestClient.Page) throws -> String {
        let location = try #require(page.location)
        #expect(location.hasPrefix("/actualites/"))
        return String(location.dropFirst("/actualites/".count))
    }

    static func outbox(_ app: Application, kind: String) async throws -> [OutboxMessage] {
        try await OutboxMessage.query(on: app.db).filter(\.$kind == kind).all()
    }

    static func expectLoginRedirect(_ page: TestClient.Page, _ context: String) {
        #expect(page.status == .seeOther, "\(context): \(page.status)")
        #expect(page.location?.hasPrefix("/connexion?retour=") == true, "\(context): \(page.location ?? "no location")")
    }
}

extension AppTests {
    @Suite struct NewsTests {
        @Test func publicListShowsOnlyPublishedPostsTenPerPage() async throws {
            try await withGrappe(demo: true) { app in
                let orgID = try await Fixtures.organisationID(app)
                let now = TestClock.now
                for index in 1...9 {
                    let p = NewsPost(organisationID: orgID, authorID: nil, companyID: nil)
                    p.title = "Brève numéro \(index)"
                    p.body = NewsKit.body
                    p.slug = "breve-\(index)"
                    p.status = .published
                    p.publishedAt = now.addingTimeInterval(-Double(index) * 3600)
                    try await p.create(on: app.db)
                }
                let rejected = NewsPost(organisationID: orgID, authorID: nil, companyID: nil)
                rejected.title = "Brève refusée"; rejected.body = NewsKit.body; rejected.slug = "breve-refusee"; rejected.status = .rejected
                try await rejected.create(on: app.db)

                let published = try await NewsPost.query(on: app.db).filter(\.$status == .published).sort(\.$publishedAt, .descending).all()
                let hidden = try await NewsPost.query(on: app.db).filter(\.$status != .published).all()
                #expect(published.count > 10, "the test needs a second page")
                #expect(!hidden.isEmpty)
                let visitor = TestClient(app)
                let first = try await visitor.get("/actualites")
                #expect(first.status == .ok)
                let pages = (published.count + 9) / 10
                #expect(first.body.contains("Page 1 sur \(pages)"))
                #expect(first.body.contains("rel=\"next\" href=\"/actualites?page=2\""))
                for p in published.prefix(10) { #expect(first.body.contains("href=\"/actualites/\(p.slug)\""), "\(p.slug) on page 1") }
                for p in published.dropFirst(10) { #expect(!first.body.contains("href=\"/actualites/\(p.slug)\""), "\(p.slug) not on page 1") }
                let second = try await visitor.get("/actualites?page=2")
                for p in published.dropFirst(10).prefix(10) { #expect(second.body.contains("href=\"/actualites/\(p.slug)\""), "\(p.slug) on page 2") }
                for p in published.prefix(10) { #expect(!second.body.contains("href=\"/actualites/\(p.slug)\"")) }
                #expect(second.body.contains("rel=\"prev\" href=\"/actualites\""))
                let beyond = try await visitor.get("/actualites?page=999")
                #expect(beyond.status == .ok)
                #expect(beyond.body.contains("Page \(pages) sur \(pages)"), "an out-of-range page shows the last one")
                for page in [first, second, beyond] {
                    for p in hidden { #expect(!page.body.contains(p.slug), "\(p.status) post \(p.slug) listed publicly") }
                }
                // Visitors are not offered to write.
                #expect(!first.body.contains("href=\"/actualites/nouvelle\""))
                #expect(!first.body.contains("href=\"/actualites/gestion\""))
            }
        }

        @Test func pendingAndRejectedPostsAreOnlyShownToStaffAndTheirAuthor() async throws {
            try await withGrappe(demo: true) { app in
                let pending = try await NewsKit.pendingDemoPost(app)
                let path = "/actualites/\(pending.slug)"
                #expect(try await NewsKit.user(app, DemoData.memberEmail).id == pending.$author.id, "the demo's pending post is by the SKAZY contact")
                try await Fixtures.member(app, name: "Autre Entreprise", login: "autre.contact@autre.example")

                #expect(try await TestClient(app).get(path).status == .notFound, "visitor")
                #expect(try await NewsKit.client(app, DemoData.boardEmail).get(path).status == .notFound, "board")
                #expect(try await NewsKit.client(app, "autre.contact@autre.example", password: Fixtures.password).get(path).status == .notFound, "another member contact")
                #expect(try await TestClient(app).get("/actualites/pas-de-telle-actualite").status == .notFound)

                let author = try await NewsKit.client(app, DemoData.memberEmail)
                let mine = try await author.get(path)
                #expect(mine.status == .ok)
                #expect(mine.body.contains("En attente de modération"))
                #expect(mine.body.contains("href=\"\(path)/modifier\""), "the author may still edit a pending post")
                #expect(!mine.body.contains("action=\"\(path)/moderer\""), "no moderation form for the author")

                let staff = try await NewsKit.client(app, DemoData.managerEmail)
                let staffView = try await staff.get(path)
                #expect(staffView.status == .ok)
                #expect(staffView.body.contains("action=\"\(path)/moderer\""))

                let rejected = try await staff.post(path + "/moderer", ["decision": "reject", "note": "Précisez la date de lancement."])
                #expect(rejected.status == .seeOther)
                #expect(rejected.location == "/actualites/gestion")
                #expect(try await NewsKit.post(app, slug: pending.slug).status == .rejected)
                let seenByAuthor = try await author.get(path)
                #expect(seenByAuthor.status == .ok)
                #expect(seenByAuthor.body.contains("Refusée : Précisez la date de lancement."))
                #expect(try await TestClient(app).get(path).status == .notFound, "a rejected post stays hidden")
                #expect(try await NewsKit.client(app, "autre.contact@autre.example", password: Fixtures.password).get(path).status == .notFound)
                #expect(!(try await TestClient(app).get("/actualites").body.contains(pending.slug)))
            }
        }

        @Test func staffPublishAtOnce() async throws {
            try await withGrappe(demo: true) { app in
                let staff = try await NewsKit.client(app, DemoData.managerEmail)
                let form = try await staff.get("/actualites/nouvelle")
                #expect(form.status == .ok)
                #expect(form.body.contains("Publier une actualité"))
                #expect(!form.body.contains("name=\"companyID\""), "staff write for the cluster, not for a company")
                let created = try await staff.post("/actualites/nouvelle", ["title": "Semaine du numérique 2026", "body": NewsKit.body])
                #expect(created.status == .seeOther)
                let slug = try NewsKit.slug(from: created)
                let post = try await NewsKit.post(app, slug: slug)
                #expect(post.status == .published)
                #expect(post.publishedAt != nil)
                #expect(post.$author.id == (try await NewsKit.user(app, DemoData.managerEmail)).id)
                #expect(post.$company.id == nil)
                #expect(try await NewsKit.outbox(app, kind: "news_notice").isEmpty, "nothing to moderate")
                #expect(try await staff.get(created.location!).body.contains("Actualité publiée."))
                let visitor = TestClient(app)
                let page = try await visitor.get("/actualites/\(slug)")
                #expect(page.status == .ok)
                #expect(page.body.contains("<h1>Semaine du numérique 2026</h1>"))
                #expect(try await visitor.get("/actualites").body.contains("href=\"/actualites/\(slug)\""))
                // Same title again: a free slug, not a clash.
                let again = try await staff.post("/actualites/nouvelle", ["title": "Semaine du numérique 2026", "body": NewsKit.body])
                #expect(try NewsKit.slug(from: again) != slug)
            }
        }

        @Test func memberProposalWaitsForModerationThenTheAuthorIsEmailed() async throws {
            try await withGrappe(demo: true) { app in
                let skazy = try await NewsKit.skazy(app)
                let other = try #require(try await Company.query(on: app.db).filter(\.$name != "SKAZY").first())
                let member = try await NewsKit.client(app, DemoData.memberEmail)
                let form = try await member.get("/actualites/nouvelle")
                #expect(form.status == .ok)
                #expect(form.body.contains("Proposer une actualité"))
                #expect(form.body.contains("<option value=\"\(skazy.id!.uuidString)\""))
                #expect(!form.body.contains(other.id!.uuidString), "only the contact's own companies are offered")

                // Someone else's company is refused, with the typed values kept.
                let refused = try await member.post("/actualites/nouvelle", ["title": "Nouvelle offre TPE", "body": NewsKit.body, "companyID": other.id!.uuidString])
                #expect(refused.status == .badRequest)
                #expect(refused.body.contains("Choisissez une de vos entreprises."))
                #expect(refused.body.contains("value=\"Nouvelle offre TPE\""))
                #expect(refused.body.contains(">\(HTML.escape(NewsKit.body))</textarea>"))
                #expect(try await NewsPost.query(on: app.db).filter(\.$title == "Nouvelle offre TPE").count() == 0)

                let created = try await member.post("/actualites/nouvelle", ["title": "Nouvelle offre TPE", "body": NewsKit.body, "companyID": skazy.id!.uuidString])
                #expect(created.status == .seeOther)
                let slug = try NewsKit.slug(from: created)
                let post = try await NewsKit.post(app, slug: slug)
                #expect(post.status == .pending)
                #expect(post.publishedAt == nil)
                #expect(post.$company.id == skazy.id)
                #expect(post.$author.id == (try await NewsKit.user(app, DemoData.memberEmail)).id)
                #expect(try await member.get(created.location!).body.contains("l&#39;équipe relit votre actualité"))
                let org = try await app.currentOrganisation(on: app.db)
                let notice = try await NewsKit.outbox(app, kind: "news_notice")
                #expect(notice.map(\.recipient) == [org.email])
                #expect(notice.first?.body.contains("/actualites/\(slug)") == true)
                #expect(try await TestClient(app).get("/actualites/\(slug)").status == .notFound)
                #expect(!(try await TestClient(app).get("/actualites").body.contains(slug)))

                let staff = try await NewsKit.client(app, DemoData.managerEmail)
                let queue = try await staff.get("/actualites/gestion")
                #expect(queue.status == .ok)
                let toModerate = try #require(queue.body.components(separatedBy: "<h2>Toutes</h2>").first)
                #expect(toModerate.contains("href=\"/actualites/\(slug)\""))
                #expect(toModerate.contains("SKAZY"))

                let published = try await staff.post("/actualites/\(slug)/moderer", ["decision": "publish", "note": "Bravo pour ce lancement !"])
                #expect(published.status == .seeOther)
                #expect(published.location == "/actualites/\(slug)")
                let after = try await NewsKit.post(app, slug: slug)
                #expect(after.status == .published)
                #expect(after.publishedAt != nil)
                #expect(after.moderationNote == "Bravo pour ce lancement !")
                let mails = try await NewsKit.outbox(app, kind: "news_moderation")
                #expect(mails.count == 1)
                let mail = try #require(mails.first)
                #expect(mail.recipient == DemoData.memberEmail)
                #expect(mail.subject == "Votre actualité est publiée")
                #expect(mail.body.contains("\(app.baseURL)/actualites/\(slug)"))
                #expect(mail.body.contains("Bravo pour ce lancement !"))
                let visitor = TestClient(app)
                let page = try await visitor.get("/actualites/\(slug)")
                #expect(page.status == .ok)
                #expect(page.body.contains("SKAZY"))
                #expect(try await visitor.get("/actualites").body.contains("href=\"/actualites/\(slug)\""))
                // Once published, the author no longer edits it.
                #expect(try await member.get("/actualites/\(slug)/modifier").status == .forbidden)
                #expect(try await member.post("/actualites/\(slug)/modifier", ["title": "Changé", "body": NewsKit.body, "companyID": skazy.id!.uuidString]).status == .forbidden)
                #expect(try await NewsKit.post(app, slug: slug).title == "Nouvelle offre TPE")
            }
        }

        @Test func rejectionEmailsTheAuthorWhoMayReviseAndResubmit() async throws {
            try await withGrappe(demo: true) { app in
                let pending = try await NewsKit.pendingDemoPost(app)
                let skazy = try await NewsKit.skazy(app)
                let staff = try await NewsKit.client(app, DemoData.managerEmail)
                let rejected = try await staff.post("/actualites/\(pending.slug)/moderer", ["decision": "reject", "note": "Ajoutez un lien vers l'offre."])
                #expect(rejected.status == .seeOther)
                #expect(try await staff.get(rejected.location!).body.contains("Actualité refusée."))
                let mail = try #require(try await NewsKit.outbox(app, kind: "news_moderation").first)
                #expect(mail.recipient == DemoData.memberEmail)
                #expect(mail.subject == "Votre actualité n'a pas été publiée")
                #expect(mail.body.contains("Ajoutez un lien vers l'offre."))

                let author = try await NewsKit.client(app, DemoData.memberEmail)
                let edit = try await author.get("/actualites/\(pending.slug)/modifier")
                #expect(edit.status == .ok)
                #expect(edit.body.contains("value=\"\(HTML.escape(pending.title))\""))
                let saved = try await author.post("/actualites/\(pending.slug)/modifier", [
                    "title": pending.title, "body": pending.body + "\n\nDétails : https://www.skazy.example/offre", "companyID": skazy.id!.uuidString,
                ])
                #expect(saved.status == .seeOther)
                let revised = try await NewsKit.post(app, slug: pending.slug)
                #expect(revised.status == .pending, "a revised post goes back to moderation")
                #expect(revised.body.hasSuffix("https://www.skazy.example/offre"))
                #expect(try await TestClient(app).get("/actualites/\(pending.slug)").status == .notFound)
            }
        }

        @Test func whoMayWriteAndModerate() async throws {
            try await withGrappe(demo: true) { app in
                let pending = try await NewsKit.pendingDemoPost(app)
                let staffPost = try #require(try await NewsPost.query(on: app.db).filter(\.$status == .published).first())
                let postsBefore = try await NewsPost.query(on: app.db).count()
                let visitor = TestClient(app)
                NewsKit.expectLoginRedirect(try await visitor.get("/actualites/nouvelle"), "visitor writing")
                NewsKit.expectLoginRedirect(try await visitor.get("/actualites/gestion"), "visitor moderating")
                NewsKit.expectLoginRedirect(try await visitor.post("/actualites/nouvelle", ["title": "Spam", "body": NewsKit.body]), "visitor posting")

                let board = try await NewsKit.client(app, DemoData.boardEmail)
                #expect(try await board.get("/actualites/nouvelle").status == .forbidden, "board members have no company to write for")
                #expect(try await board.post("/actualites/nouvelle", ["title": "Du CA", "body": NewsKit.body]).status == .forbidden)
                #expect(try await board.get("/actualites/gestion").status == .forbidden)
                #expect(try await board.post("/actualites/\(pending.slug)/moderer", ["decision": "publish"]).status == .forbidden)

                let member = try await NewsKit.client(app, DemoData.memberEmail)
                #expect(try await member.get("/actualites/gestion").status == .forbidden)
                #expect(try await member.post("/actualites/\(pending.slug)/moderer", ["decision": "publish"]).status == .forbidden, "authors do not publish their own post")
                #expect(try await member.get("/actualites/\(staffPost.slug)/modifier").status == .forbidden)
                #expect(try await member.post("/actualites/\(staffPost.slug)/modifier", ["title": "Piraté", "body": NewsKit.body]).status == .forbidden)
                #expect(try await NewsKit.post(app, slug: pending.slug).status == .pending)
                #expect(try await NewsKit.post(app, slug: staffPost.slug).title == staffPost.title)
                #expect(try await NewsPost.query(on: app.db).count() == postsBefore, "nothing was created")
                #expect(try await NewsKit.outbox(app, kind: "news_moderation").isEmpty)
                // The list offers the right buttons.
                #expect(try await member.get("/actualites").body.contains("Proposer une actualité"))
                let staffList = try await NewsKit.client(app, DemoData.managerEmail).get("/actualites")
                #expect(staffList.body.contains("href=\"/actualites/gestion\""))
            }
        }

        @Test func invalidPostsAreRefusedInFrenchWithTheirValuesKept() async throws {
            try await withGrappe(demo: true) { app in
                let postsBefore = try await NewsPost.query(on: app.db).count()
                let staff = try await NewsKit.client(app, DemoData.managerEmail)
                let empty = try await staff.post("/actualites/nouvelle", ["title": "  ", "body": "Trop court"])
                #expect(empty.status == .badRequest)
                #expect(empty.body.contains("2 erreurs empêchent l&#39;enregistrement"))
                #expect(empty.body.contains("Le titre est obligatoire."))
                #expect(empty.body.contains("Le texte est trop court (20 caractères au moins)."))
                #expect(empty.body.contains(">Trop court</textarea>"))
                let long = String(repeating: "Titre ", count: 30)
                let tooLong = try await staff.post("/actualites/nouvelle", ["title": long, "body": NewsKit.body])
                #expect(tooLong.status == .badRequest)
                #expect(tooLong.body.contains("150 caractères au maximum."))
                #expect(tooLong.body.contains("value=\"\(long.trimmingCharacters(in: .whitespaces))\""))
                #expect(tooLong.body.contains(">\(HTML.escape(NewsKit.body))</textarea>"))
                let member = try await NewsKit.client(app, DemoData.memberEmail)
                let noCompany = try await member.post("/actualites/nouvelle", ["title": "Sans entreprise", "body": NewsKit.body])
                #expect(noCompany.status == .badRequest)
                #expect(noCompany.body.contains("Choisissez une de vos entreprises."))
                #expect(noCompany.body.contains("value=\"Sans entreprise\""))
                #expect(try await NewsPost.query(on: app.db).count() == postsBefore)
            }
        }

        @Test func markdownBodyIsEscapedAndJavascriptLinksLoseTheirHref() async throws {
            try await withGrappe(demo: true) { app in
                let staff = try await NewsKit.client(app, DemoData.managerEmail)
                let body = """
                Bonjour <script>alert(1)</script> à tous.

                Un lien piégé [x](javascript:alert(1)) et un vrai [site](https://www.open.nc), en **gras**.

                <img src=x onerror=alert(2)>
                """
                let created = try await staff.post("/actualites/nouvelle", ["title": "Titre <b>fort</b>", "body": body])
                #expect(created.status == .seeOther)
                let slug = try NewsKit.slug(from: created)
                let page = try await TestClient(app).get("/actualites/\(slug)")
                #expect(page.status == .ok)
                #expect(!page.body.contains("<script>alert(1)"), "raw script in the post")
                #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!page.body.contains("<img src=x"))
                #expect(page.body.contains("&lt;img src=x onerror=alert(2)&gt;"))
                #expect(!page.body.contains("<b>fort</b>"))
                #expect(page.body.contains("Titre &lt;b&gt;fort&lt;/b&gt;"))
                #expect(page.body.range(of: #"href\s*=\s*["']?\s*javascript:"#, options: [.regularExpression, .caseInsensitive]) == nil,
                        "a javascript: link kept its href")
                #expect(page.body.contains("<a href=\"https://www.open.nc\""), "safe links still work")
                #expect(page.body.contains("<strong>gras</strong>"))
                // The teaser in the list and in the meta description is escaped too.
                let list = try await TestClient(app).get("/actualites")
                #expect(list.status == .ok)
                #expect(list.body.contains("/actualites/\(slug)"), "the post is in the list")
                #expect(list.body.contains("Titre &lt;b&gt;fort&lt;/b&gt;"))
                #expect(!list.body.contains("<script>alert(1)"))
                #expect(list.body.range(of: #"href\s*=\s*["']?\s*javascript:"#, options: [.regularExpression, .caseInsensitive]) == nil)
                let meta = try #require(page.body.components(separatedBy: "<meta name=\"description\" content=\"").dropFirst().first?.components(separatedBy: "\"").first)
                #expect(!meta.contains("<"))
            }
        }
    }
}
