import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// Everyday friction (issue 12): reading a message of the outbox, the check-in's search and
    /// on-site participants, names in the history.
    @Suite struct EverydayFormsTests {
        @Test func staffReadAnyMessageOfTheOutbox() async throws {
            try await withGrappe { app in
                let orgID = try await Fixtures.organisationID(app)
                let message = try await Mailer.queue(on: app.db, organisationID: orgID, to: "jeanne@kaori.example", subject: "Invitation <AG>",
                                                     body: "Bonjour Jeanne,\nà bientôt.", kind: "assembly_convocation",
                                                     headers: [("List-Unsubscribe", "<https://grappe.example/desabonnement>")],
                                                     calendar: "BEGIN:VCALENDAR\nMETHOD:REQUEST\nEND:VCALENDAR")
                let path = "/courriels/\(message.id!.uuidString)"
                let staff = try await Fixtures.staffClient(app)
                #expect(try await staff.get("/courriels").body.contains("href=\"\(path)\">Invitation &lt;AG&gt;</a>"))
                let page = try await staff.get(path)
                #expect(page.status == .ok)
                #expect(page.body.contains("jeanne@kaori.example") && page.body.contains("Invitation &lt;AG&gt;"))
                #expect(page.body.contains("Bonjour Jeanne,\nà bientôt."))
                #expect(page.body.contains("List-Unsubscribe") && page.body.contains("METHOD:REQUEST"))
                #expect(try await staff.get("/courriels/\(UUID().uuidString)").status == .notFound)
                // Access: a member contact is refused, a visitor sent to log in.
                _ = try await Fixtures.member(app, name: "Autre", login: "autre@autre.example")
                let member = TestClient(app)
                try await member.login("autre@autre.example", Fixtures.password)
                #expect(try await member.get(path).status == .forbidden)
                #expect(try await TestClient(app).get(path).location?.hasPrefix("/connexion") == true)
            }
        }

        @Test func theCheckInSearchesAndAddsAParticipantOnSite() async throws {
            try await withGrappe { app in
                let start = TestClock.now.addingTimeInterval(3600)
                let e = ClusterEvent(organisationID: try await Fixtures.organisationID(app), kind: .afterwork, title: "Afterwork", startsAt: start,
                                     endsAt: start.addingTimeInterval(7200), capacity: 2, audience: .everyone, status: .planned)
                try await e.create(on: app.db)
                let path = "/evenements/\(e.id!.uuidString)/accueil"
                let guest = TestClient(app)
                try await guest.post("/evenements/\(e.id!.uuidString)/inscription", ["name": "Chloé Wamytan", "email": "chloe@c.example"])
                let staff = try await Fixtures.staffClient(app)

                // The search: accent- and case-insensitive, by GET.
                let found = try await staff.get(path + "?q=CHLOE")
                #expect(found.body.contains("Chloé Wamytan"))
                #expect(try await staff.get(path + "?q=kaori").body.contains("Aucun inscrit ne correspond"))

                // Refusals: a name is needed, an email must be valid; nothing saved.
                let bad = try await staff.post(path, ["name": "", "email": "pas-un-email", "company": "Kaori"])
                #expect(bad.status == .badRequest)
                #expect(bad.body.contains("Le nom est obligatoire.") && bad.body.contains("Adresse e-mail invalide."))
                #expect(bad.body.contains("value=\"Kaori\""), "what was typed is kept")
                let taken = try await staff.post(path, ["name": "Chloé", "email": "CHLOE@c.example"])
                #expect(taken.status == .badRequest)
                #expect(taken.body.contains("Cette adresse est déjà inscrite"))
                #expect(try await Registration.query(on: app.db).count() == 1)

                // Added on site: registered and checked in at once, without email, with a company.
                let added = try await staff.post(path, ["name": "Jeanne Wema", "email": "", "company": "Kaori"])
                #expect(added.status == .seeOther)
                let jeanne = try #require(try await Registration.query(on: app.db).filter(\.$name == "Jeanne Wema").first())
                #expect(jeanne.status == .confirmed && jeanne.checkedInAt == TestClock.now && jeanne.company == "Kaori" && jeanne.email.isEmpty)
                #expect(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "").count() == 0, "no email without an address")
                #expect(try await RegistrationService.queueReminders(app: app, now: TestClock.now) == 1, "only the registered guest is reminded")
                #expect(try await staff.get(path).body.contains("1 arrivé sur 2 inscrits"))

                // Capacity: the event is full, as its registration would say.
                let full = try await staff.post(path, ["name": "Paul", "email": "paul@p.example"])
                #expect(full.status == .badRequest)
                #expect(full.body.contains("L&#39;événement est complet (2 places)"))
                #expect(try await Registration.query(on: app.db).count() == 2)

                // Access: a member contact cannot add anyone.
                _ = try await Fixtures.member(app, name: "Autre", login: "autre@autre.example")
                let member = TestClient(app)
                try await member.login("autre@autre.example", Fixtures.password)
                #expect(try await member.post(path, ["name": "Intrus"]).status == .forbidden)
                #expect(try await Registration.query(on: app.db).count() == 2)
            }
        }

        @Test func theHistoryShowsNamesInsteadOfIds() async throws {
            try await withGrappe { app in
                let member = try await Fixtures.member(app, name: "Kaori SARL")
                let orgID = try await Fixtures.organisationID(app)
                let companyID = try member.company.requireID()
                try await Audit.record(on: app.db, organisationID: orgID, user: nil, entity: "company", entityID: companyID, action: "update",
                                       changes: ["titulaire": ("", try member.person.requireID().uuidString), "note": ("", "texte libre")])
                let staff = try await Fixtures.staffClient(app)
                let page = try await staff.get("/adherents/\(companyID.uuidString)")
                #expect(page.body.contains("<strong>titulaire</strong> : — → \(HTML.escape(member.person.fullName))"))
                #expect(!page.body.contains("→ \(try member.person.requireID().uuidString)"))
                #expect(page.body.contains("<strong>note</strong> : — → texte libre"))
            }
        }
    }
}
