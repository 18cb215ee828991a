import Fluent
import Foundation
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// The sessions and accounts kept in memory (`SignInCache`, on SQLite) never outlive what
    /// ends them: each case first makes sure the page was served from a warm cache, then checks
    /// the very next request. On PostgreSQL the same tests check the database path.
    @Suite struct SignInCacheTests {
        static let protected = "/tableau-de-bord"

        /// Logged in, with the page served twice (the second time from the cache on SQLite).
        static func warmStaff(_ app: Application, email: String) async throws -> TestClient {
            try await Fixtures.user(app, email: email, role: .staff)
            let client = TestClient(app)
            try await client.login(email, Fixtures.password)
            #expect(try await client.get(protected).status == .ok)
            #expect(try await client.get(protected).status == .ok)
            return client
        }

        static func expectSentToLogin(_ client: TestClient, _ path: String = protected) async throws {
            let page = try await client.get(path)
            #expect(page.status == .seeOther)
            #expect(page.location?.hasPrefix("/connexion") == true, "\(path) answered \(page.status) \(page.location ?? "")")
        }

        @Test func aLoggedOutSessionCannotBeReplayed() async throws {
            try await withGrappe { app in
                let client = try await Self.warmStaff(app, email: "depart@open.nc")
                let stolen = TestClient(app)
                stolen.cookies = client.cookies
                #expect(try await stolen.get(Self.protected).status == .ok, "the copied cookie works before the logout")
                #expect(try await client.post("/deconnexion").status == .seeOther)
                try await Self.expectSentToLogin(stolen)
            }
        }

        @Test func aPasswordResetEndsEverySessionOfTheAccount() async throws {
            try await withGrappe { app in
                let laptop = try await Self.warmStaff(app, email: "oubli@open.nc")
                let phone = TestClient(app)
                try await phone.login("oubli@open.nc", Fixtures.password)
                #expect(try await phone.get(Self.protected).status == .ok)
                let other = try await Self.warmStaff(app, email: "collegue@open.nc")

                let user = try #require(try await User.query(on: app.db).filter(\.$email == "oubli@open.nc").first())
                let link = try await AccessLinks.send(app.db, app: app, user: user, invitation: false)
                let path = String(link.dropFirst(app.baseURL.count))
                let browser = TestClient(app)
                #expect(try await browser.get(path).status == .ok)
                let done = try await browser.post(path, ["password": "un-nouveau-secret", "confirmation": "un-nouveau-secret"])
                #expect(done.status == .seeOther)

                try await Self.expectSentToLogin(laptop)
                try await Self.expectSentToLogin(phone)
                #expect(try await other.get(Self.protected).status == .ok, "another account keeps its session")
                let again = TestClient(app)
                try await again.login("oubli@open.nc", "un-nouveau-secret")
                #expect(try await again.get(Self.protected).status == .ok, "the new password opens a new session")
            }
        }

        @Test func aRoleChangeTakesEffectOnTheNextRequest() async throws {
            try await withGrappe { app in
                let client = try await Self.warmStaff(app, email: "promu@open.nc")
                #expect(try await client.get("/comptes").status == .ok)
                // However the row is changed (here a bulk update that no model hook sees).
                try await User.query(on: app.db).filter(\.$email == "promu@open.nc").set(\.$role, to: .board).update()
                #expect(try await client.get("/comptes").status == .forbidden)
                #expect(try await client.get(Self.protected).status == .ok, "still signed in, as a board member")
            }
        }

        @Test func aDeactivatedAccountIsSignedOutAtOnce() async throws {
            try await withGrappe { app in
                let admin = try await Self.warmStaff(app, email: "admin@open.nc")
                let leaving = try await Self.warmStaff(app, email: "partie@open.nc")
                let user = try #require(try await User.query(on: app.db).filter(\.$email == "partie@open.nc").first())
                #expect(try await admin.post("/comptes/\(user.id!.uuidString)/desactiver").status == .seeOther)
                try await Self.expectSentToLogin(leaving)
            }
        }

        @Test func aContactRemovedFromItsCompanyLosesItAtOnce() async throws {
            try await withGrappe { app in
                let m = try await Fixtures.member(app, name: "Ancienne Société", login: "contact@ancienne.example")
                let other = try await Fixtures.member(app, name: "Autre Société")
                try await CompanyContact.query(on: app.db).filter(\.$company.$id == m.company.requireID()).delete()
                let contact = TestClient(app)
                // Linked to the other company instead, then signed in and cached.
                try await CompanyContact(companyID: other.company.requireID(), personID: m.person.requireID(), role: "Gérant").create(on: app.db)
                try await contact.login("contact@ancienne.example", Fixtures.password)
                let page = "/adherents/\(try other.company.requireID().uuidString)"
                #expect(try await contact.get(page).status == .ok)
                #expect(try await contact.get(page).status == .ok)
                try await CompanyContact.query(on: app.db).filter(\.$company.$id == other.company.requireID()).delete()
                #expect(try await contact.get(page).status == .forbidden)
            }
        }

        /// `serve --port N` without GRAPPE_BASE_URL: links say port N.
        @Test func linksFollowThePortTheServerWasStartedOn() async throws {
            try await withGrappe { app in
                Entry.applyServeAddress(app, arguments: ["grappe", "serve", "--hostname", "127.0.0.1", "--port", "9137"])
                #expect(app.baseURL == "http://127.0.0.1:9137")
                let user = try await Fixtures.user(app, email: "port@open.nc", role: .staff)
                let link = try await AccessLinks.send(app.db, app: app, user: user, invitation: false)
                #expect(link.hasPrefix("http://127.0.0.1:9137/reinitialisation/"))
                let mail = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "port@open.nc").first())
                #expect(mail.body.contains("http://127.0.0.1:9137/reinitialisation/"))
            }
        }
    }
}
