import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// Hackagou players who tick « partager mon profil » join the candidate pool under its rules:
    /// consent recorded, member contacts up to date with their dues only, 24 months, withdrawal
    /// from the team's page.
    @Suite struct HackagouPoolTests {
        /// A contact of a member company whose 2025 due is paid, logged in.
        static func reader(_ app: Application, name: String, email: String, paid: Bool) async throws -> TestClient {
            if try await FeeSchedule.query(on: app.db).filter(\.$year == 2025).count() == 0 { try await Fixtures.schedule(app) }
            let m = try await Fixtures.member(app, name: name, login: email)
            _ = try await Fixtures.issueDues(app)
            if paid {
                let due = try await Fixtures.due(app, company: m.company)
                try await DuesService.recordPayment(dueID: due.requireID(), amount: due.amount, paidOn: FrenchDate.make(2025, 3, 1), method: .transfer,
                                                    reference: "", organisationID: try await Fixtures.organisationID(app), user: nil, on: app.db)
            }
            let client = TestClient(app)
            try await client.login(email, Fixtures.password)
            return client
        }

        /// Registers through the public form; the client stays signed in as the player.
        static func register(_ app: Application, _ edition: CTFEdition, pseudonym: String, email: String, team: String, share: Bool) async throws -> TestClient {
            let client = TestClient(app)
            try await client.get("/hackagou/2026/inscription")
            let page = try await client.post("/hackagou/2026/inscription", HackagouRegistrationTests.fields([
                "pseudonym": pseudonym, "fullName": "Nom de \(pseudonym)", "email": email, "teamName": team, "affiliation": "IUT de Nouméa",
                "bracket": String(try #require(edition.brackets.first?.id)), "shareProfile": share ? "1" : ""]))
            #expect(page.status == .seeOther, "\(pseudonym) registered")
            return client
        }

        @Test func aSharingPlayerIsInThePoolForMembersUpToDateOnly() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app)
                let form = try await TestClient(app).get("/hackagou/2026/inscription")
                #expect(form.body.contains(CTFProfileSharing.label) && form.body.contains(HTML.escape(CTFProfileSharing.consentWording)))

                let sharing = try await Self.register(app, e, pseudonym: "v0cation", email: "vocation@iut.example", team: "Les Roussettes", share: true)
                _ = try await Self.register(app, e, pseudonym: "discret", email: "discret@iut.example", team: "Les Discrets", share: false)
                let consent = try #require(try await Consent.query(on: app.db).filter(\.$email == "vocation@iut.example").first())
                #expect(consent.purpose == "ctf_profile" && consent.wording == CTFProfileSharing.consentWording && consent.withdrawnAt == nil)
                #expect(try await Consent.query(on: app.db).filter(\.$email == "discret@iut.example").count() == 0, "no consent without the box")

                let web = try await CTFFixtures.challenge(app, edition: e, name: "Lagon", category: "Web", flag: "HACKAGOU{lagon}")
                let player = try #require(try await CTFPlayer.query(on: app.db).filter(\.$email == "vocation@iut.example").first())
                let user = try #require(try await User.find(player.$user.id, on: app.db))
                let token = try await APITokenIssuer.issue(for: user, name: "test", on: app.db)
                let solved = try await HackagouPlayTests.attempt(TestClient(app), token: token, challenge: try web.requireID(), "HACKAGOU{lagon}")
                #expect(try HackagouPlayTests.status(solved) == "correct")

                let reader = try await Self.reader(app, name: "Lecteur", email: "lecteur@lecteur.example", paid: true)
                let pool = try await reader.get("/vivier")
                #expect(pool.status == .ok && pool.body.contains("<h2>Joueurs de Hackagou</h2>"))
                let until = FrenchDate.short(Retention.expiry(from: player.consentedAt, calendar: FrenchDate.calendar))
                #expect(pool.body.contains("<tr><td>v0cation</td><td>Nom de v0cation</td><td><a href=\"mailto:vocation@iut.example\">vocation@iut.example</a></td><td class=\"num\">2004</td>"))
                #expect(pool.body.contains("<td>IUT de Nouméa</td><td>Hackagou 2026</td><td class=\"num\">1</td>\n<td>Web</td><td>\(until)</td>"))
                #expect(!pool.body.contains("discret"), "a player who did not tick the box is not shown")
                #expect(try await reader.get("/vivier?q=web").body.contains("v0cation"), "the search reads the categories solved")
                #expect(!(try await reader.get("/vivier?q=jardinage").body.contains("v0cation")))

                let lapsed = try await Self.reader(app, name: "Retardataire", email: "retard@retard.example", paid: false)
                let refused = try await lapsed.get("/vivier")
                #expect(refused.status == .forbidden && refused.body.contains("Le vivier de candidatures est réservé aux adhérents à jour de leur cotisation."))
                #expect(!refused.body.contains("v0cation"))
                let visitor = try await TestClient(app).get("/vivier")
                #expect(visitor.status == .seeOther && visitor.location?.hasPrefix("/connexion") == true)
                let asPlayer = try await sharing.get("/vivier")
                #expect(asPlayer.status == .forbidden && !asPlayer.body.contains("vocation@iut.example"))
                let staff = try await Fixtures.staffClient(app)
                #expect(try await staff.get("/vivier").body.contains("v0cation"))
            }
        }

        @Test func aPlayerWithdrawsFromTheTeamsPage() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app)
                let sharing = try await Self.register(app, e, pseudonym: "v0cation", email: "vocation@iut.example", team: "Les Roussettes", share: true)
                let player = try #require(try await CTFPlayer.query(on: app.db).filter(\.$email == "vocation@iut.example").first())
                let team = try await sharing.get("/jeu/equipe")
                #expect(team.body.contains("est partagé avec les entreprises adhérentes")
                        && team.body.contains("jusqu'au \(FrenchDate.long(Retention.expiry(from: player.consentedAt, calendar: FrenchDate.calendar)))"))
                #expect(team.body.contains("action=\"/jeu/partage/retrait\""))
                let reader = try await Self.reader(app, name: "Lecteur", email: "lecteur@lecteur.example", paid: true)
                #expect(try await reader.get("/vivier").body.contains("v0cation"))

                #expect(try await sharing.post("/jeu/partage/retrait", [(String, String)](), csrf: false).status == .forbidden, "CSRF checked")
                #expect(try await CTFPlayer.find(player.id, on: app.db)?.sharesProfile == true)
                let withdrawn = try await sharing.post("/jeu/partage/retrait", [(String, String)]())
                #expect(withdrawn.status == .seeOther && withdrawn.location == "/jeu/equipe")
                let after = try await sharing.get("/jeu/equipe")
                #expect(after.body.contains("Votre profil n&#39;est plus partagé avec les entreprises adhérentes.")
                        && after.body.contains("Votre profil n'est pas partagé avec les entreprises adhérentes."))
                #expect(try await CTFPlayer.find(player.id, on: app.db)?.sharesProfile == false)
                #expect(try await Consent.query(on: app.db).filter(\.$email == "vocation@iut.example").first()?.withdrawnAt != nil)
                let pool = try await reader.get("/vivier")
                #expect(!pool.body.contains("v0cation") && pool.body.contains("Aucun joueur ne partage son profil pour le moment."))
            }
        }

        @Test func aSharingEndsAfterTwentyFourMonthsAndThePurgeClearsIt() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app)
                _ = try await Self.register(app, e, pseudonym: "ancien", email: "ancien@iut.example", team: "Les Anciens", share: true)
                _ = try await Self.register(app, e, pseudonym: "recent", email: "recent@iut.example", team: "Les Récents", share: true)
                let old = try #require(try await CTFPlayer.query(on: app.db).filter(\.$email == "ancien@iut.example").first())
                old.consentedAt = try #require(FrenchDate.calendar.date(byAdding: .month, value: -24, to: TestClock.now)).addingTimeInterval(-60)
                try await old.save(on: app.db)
                let reader = try await Self.reader(app, name: "Lecteur", email: "lecteur@lecteur.example", paid: true)
                let pool = try await reader.get("/vivier")
                #expect(pool.body.contains("recent") && !pool.body.contains("ancien@iut.example"), "past 24 months, not shown")

                #expect(try await CTFProfileSharing.purgeExpired(app.db, now: TestClock.now, logger: app.logger) == 1)
                #expect(try await CTFPlayer.find(old.id, on: app.db)?.sharesProfile == false)
                #expect(try await CTFPlayer.query(on: app.db).filter(\.$email == "recent@iut.example").first()?.sharesProfile == true)
                #expect(try await CTFProfileSharing.purgeExpired(app.db, now: TestClock.now, logger: app.logger) == 0)
                let later = try #require(FrenchDate.calendar.date(byAdding: .month, value: 25, to: TestClock.now))
                #expect(try await CTFProfileSharing.pool(app.db, organisationID: try await Fixtures.organisationID(app), now: later).isEmpty)
                #expect(try await CTFProfileSharing.purgeExpired(app.db, now: later, logger: app.logger) == 1)
            }
        }
    }
}
