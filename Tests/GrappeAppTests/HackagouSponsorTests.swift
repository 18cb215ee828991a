import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// An edition's sponsors, chosen by staff among the cluster's partners and shown on the
    /// edition's public page; the edition's day in the calendar follows the edition.
    @Suite struct HackagouSponsorTests {
        static func partner(_ app: Application, _ name: String, year: Int, logo: String = "", website: String = "") async throws -> Partner {
            let p = Partner(organisationID: try await Fixtures.organisationID(app), year: year, name: name, kind: .sponsor, amount: 100_000,
                            logoURL: logo, website: website)
            try await p.create(on: app.db)
            return p
        }

        @Test func staffChooseSponsorsAmongThePartnersAndThePublicSeesThem() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app)
                let opt = try await Self.partner(app, "OPT <NC>", year: 2026, logo: "https://opt.example/logo.png", website: "https://opt.example")
                let old = try await Self.partner(app, "Banque du Pacifique", year: 2024)
                _ = try await Self.partner(app, "OPT <NC>", year: 2025)
                let optID = try opt.requireID().uuidString, oldID = try old.requireID().uuidString
                let staff = try await Fixtures.staffClient(app)
                let page = try await staff.get("/admin/hackagou/2026")
                #expect(page.body.contains("Partenaires de l'édition (0)") && page.body.contains("value=\"\(optID)\""))
                #expect(page.body.contains("Banque du Pacifique (2024)"), "a partner of an earlier year is offered, with its year")
                #expect(page.body.components(separatedBy: "OPT &lt;NC&gt;").count == 2, "a name of this year is offered once")

                let saved = try await staff.post("/admin/hackagou/2026/partenaires", [("sponsors[]", optID),
                                                                                      ("sponsors[]", oldID)])
                #expect(saved.status == .seeOther && saved.location == "/admin/hackagou/2026")
                #expect(try await CTFSponsors.ids(app.db, editionID: try e.requireID()) == [try opt.requireID(), try old.requireID()])
                let again = try await staff.get("/admin/hackagou/2026")
                #expect(again.body.contains("Partenaires de l'édition (2)") && again.body.contains("value=\"\(oldID)\" checked"))

                let visitor = try await TestClient(app).get("/hackagou/2026")
                #expect(visitor.body.contains("Partenaires de l'édition"))
                #expect(visitor.body.contains("<a href=\"https://opt.example\" rel=\"noopener\">OPT &lt;NC&gt;</a>") && visitor.body.contains("src=\"https://opt.example/logo.png\""))
                #expect(visitor.body.contains("Banque du Pacifique") && !visitor.body.contains("100 000"), "no amount in public")

                let forged = try await staff.post("/admin/hackagou/2026/partenaires", [("sponsors[]", optID), ("sponsors[]", UUID().uuidString)])
                #expect(forged.status == .badRequest && forged.body.contains("Partenaire inconnu : choisissez dans la liste des partenaires du cluster."))
                #expect(forged.body.contains("value=\"\(optID)\" checked") && !forged.body.contains("value=\"\(oldID)\" checked"),
                        "the boxes stay as ticked")
                let garbage = try await staff.post("/admin/hackagou/2026/partenaires", [("sponsors[]", "pas-un-id")])
                #expect(garbage.status == .badRequest)
                #expect(try await CTFSponsors.ids(app.db, editionID: try e.requireID()).count == 2, "nothing written when refused")
                let noToken = try await staff.post("/admin/hackagou/2026/partenaires", [("sponsors[]", optID)], csrf: false)
                #expect(noToken.status == .forbidden)

                let cleared = try await staff.post("/admin/hackagou/2026/partenaires", [(String, String)]())
                #expect(cleared.status == .seeOther)
                #expect(try await CTFSponsors.ids(app.db, editionID: try e.requireID()).isEmpty)
                #expect(!(try await TestClient(app).get("/hackagou/2026").body.contains("Partenaires de l'édition")))
            }
        }

        @Test func withoutPartnersThePageSaysWhereToAddThem() async throws {
            try await withGrappe { app in
                _ = try await CTFFixtures.edition(app)
                let staff = try await Fixtures.staffClient(app)
                let page = try await staff.get("/admin/hackagou/2026")
                #expect(page.body.contains("Aucun partenaire enregistré : ajoutez-les d&#39;abord à la page des partenaires.")
                        && page.body.contains("href=\"/partenaires?annee=2026\""))
            }
        }

        @Test func savingAnEditionKeepsItsCalendarEventAndRecreatesAMissingOne() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app)
                #expect(e.$event.id == nil)
                let staff = try await Fixtures.staffClient(app)
                try await staff.get("/admin/hackagou/2026")
                var fields = CTFEditionForm(e).form.values
                fields["theme"] = "Le Lagon"
                fields["place"] = "Université de la Nouvelle-Calédonie"
                let saved = try await staff.post("/admin/hackagou/2026", fields)
                #expect(saved.status == .seeOther)
                let edition = try #require(try await CTFEdition.find(e.requireID(), on: app.db))
                let event = try #require(try await ClusterEvent.find(edition.$event.id, on: app.db), "a missing event is created")
                #expect(event.kind == .ctf && event.title == "Hackagou 2026" && event.place == "Université de la Nouvelle-Calédonie")
                #expect(event.startsAt == e.startsAt && event.endsAt == e.endsAt && event.about.contains("« Le Lagon »"))
                let eventID = try event.requireID()
                fields["place"] = "Arène du Sud"
                fields["start"] = "09:00"
                _ = try await staff.post("/admin/hackagou/2026", fields)
                let moved = try #require(try await ClusterEvent.find(eventID, on: app.db))
                #expect(moved.place == "Arène du Sud" && moved.startsAt == FrenchDate.at(FrenchDate.make(2026, 9, 15), minutes: 9 * 60))
                #expect(try await ClusterEvent.query(on: app.db).filter(\.$kind == .ctf).count() == 1, "the same event, updated")
                #expect(try await TestClient(app).get("/evenements/\(eventID.uuidString)").body.contains("Hackagou 2026"))
            }
        }
    }
}
