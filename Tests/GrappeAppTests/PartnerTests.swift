import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// The partners page: public without the amounts, the staff's list with them, and the staff's
    /// additions and removals.
    @Suite struct PartnerTests {
        private enum Pa {
            static func client(_ app: Application, _ email: String) async throws -> TestClient {
                let client = TestClient(app)
                try await client.login(email, DemoData.password)
                return client
            }

            static func partners(_ app: Application, year: Int) async throws -> [Partner] {
                try await Partner.query(on: app.db).filter(\.$year == year).all()
            }
        }

        @Test func publicPageListsTheYearsPartnersWithoutAmounts() async throws {
            try await withGrappe(demo: true) { app in
                let p2025 = try await Pa.partners(app, year: 2025)
                let p2024 = try await Pa.partners(app, year: 2024)
                #expect(!p2025.isEmpty && !p2024.isEmpty)
                #expect(p2025.contains { $0.amount != nil })

                let visitor = TestClient(app)
                let page = try await visitor.get("/partenaires")
                #expect(page.status == .ok)
                #expect(page.body.contains("<h1>Nos partenaires 2025</h1>"), "the latest year by default")
                for partner in p2025 {
                    #expect(page.body.contains(HTML.escape(partner.name)), "\(partner.name)")
                    if let amount = partner.amount { #expect(!page.body.contains(Money.xpf(amount)), "\(partner.name)'s amount is private") }
                    #expect(page.body.contains("<h2>\(partner.kind.label)s</h2>"))
                }
                #expect(!page.body.contains("XPF"))
                #expect(!page.body.contains("montant non renseigné"))
                #expect(!page.body.contains("/supprimer"))
                #expect(!page.body.contains("action=\"/partenaires\""))
                #expect(page.body.contains("<a href=\"/partenaires?annee=2024\">2024</a>"))

                let older = try await visitor.get("/partenaires?annee=2024")
                #expect(older.body.contains("<h1>Nos partenaires 2024</h1>"))
                for partner in p2024 { #expect(older.body.contains(HTML.escape(partner.name)), "\(partner.name)") }
                let only2025 = Set(p2025.map(\.name)).subtracting(p2024.map(\.name))
                #expect(!only2025.isEmpty)
                for name in only2025 { #expect(!older.body.contains(HTML.escape(name)), "\(name) is a 2025 partner only") }
                #expect(!older.body.contains("XPF"))
                let none = try await visitor.get("/partenaires?annee=2019")
                #expect(none.body.contains("Aucun partenaire enregistré pour 2019."))

                // Members and the board do not see the amounts either.
                for email in [DemoData.memberEmail, DemoData.boardEmail] {
                    let client = try await Pa.client(app, email)
                    let seen = try await client.get("/partenaires?annee=2025")
                    #expect(seen.status == .ok)
                    #expect(!seen.body.contains("XPF"), "\(email)")
                    #expect(!seen.body.contains("/supprimer"), "\(email)")
                }
            }
        }

        @Test func staffSeeAmountsAndAddOrRemovePartners() async throws {
            try await withGrappe(demo: true) { app in
                let staff = try await Pa.client(app, DemoData.managerEmail)
                let page = try await staff.get("/partenaires?annee=2025")
                #expect(page.status == .ok)
                let p2025 = try await Pa.partners(app, year: 2025)
                for partner in p2025 {
                    let amount = partner.amount.map { Money.xpf($0) } ?? "montant non renseigné"
                    #expect(page.body.contains("\(HTML.escape(partner.name)) · \(amount)"), "\(partner.name)")
                    #expect(page.body.contains("action=\"/partenaires/\(partner.id!.uuidString)/supprimer\""))
                }

                // Refusals: French messages, nothing saved.
                let before = try await Partner.query(on: app.db).count()
                for (fields, message) in [
                    (["year": "2025", "name": "", "kind": "sponsor"], "Organisation et nature sont obligatoires."),
                    (["year": "2025", "name": "Orange", "kind": "ami"], "Organisation et nature sont obligatoires."),
                    (["year": "2025", "name": "Orange", "kind": "sponsor", "amount": "beaucoup"], "Montant illisible (ex. 1 500 000)."),
                    (["year": "2025", "name": "Orange", "kind": "sponsor", "website": "javascript:alert(1)"], "Les adresses doivent commencer par https:// ou http://."),
                    (["year": "2025", "name": "Orange", "kind": "sponsor", "logoURL": "ftp://x.example/logo.png"], "Les adresses doivent commencer par https:// ou http://."),
                ] {
                    let refused = try await staff.post("/partenaires", fields)
                    #expect(refused.status == .seeOther)
                    #expect(refused.location == "/partenaires?annee=2025")
                    #expect(try await staff.get("/partenaires?annee=2025").body.contains("<p class=\"flash flash-error\" role=\"status\">\(message)</p>"), "\(message)")
                }
                #expect(try await Partner.query(on: app.db).count() == before)

                // A sponsor with an amount typed with spaces, and a name to escape.
                let added = try await staff.post("/partenaires", ["year": "2025", "name": "Orange <Caraïbes> & Cie", "kind": "sponsor", "amount": "1 200 000",
                                                                 "website": "https://orange.example"])
                #expect(added.status == .seeOther)
                let orange = try #require(try await Partner.query(on: app.db).filter(\.$name == "Orange <Caraïbes> & Cie").first())
                #expect(orange.amount == 1_200_000)
                #expect(orange.kind == .sponsor)
                let withOrange = try await staff.get("/partenaires?annee=2025")
                #expect(withOrange.body.contains("Partenaire ajouté."))
                #expect(withOrange.body.contains("<a href=\"https://orange.example\" rel=\"noopener\">Orange &lt;Caraïbes&gt; &amp; Cie</a> · \(Money.xpf(1_200_000))"))
                #expect(!withOrange.body.contains("<Caraïbes>"))
                let publicView = try await TestClient(app).get("/partenaires?annee=2025")
                #expect(publicView.body.contains("<h2>Mécènes</h2>"))
                #expect(publicView.body.contains("Orange &lt;Caraïbes&gt; &amp; Cie</a>"))
                #expect(!publicView.body.contains(Money.xpf(1_200_000)))
                #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "partner").filter(\.$entityID == orange.requireID()).count() == 1)

                // A new year appears among the years.
                #expect(try await staff.post("/partenaires", ["year": "2026", "name": "Province Nord", "kind": "institution"]).status == .seeOther)
                let latest = try await TestClient(app).get("/partenaires")
                #expect(latest.body.contains("<h1>Nos partenaires 2026</h1>"))
                #expect(latest.body.contains("Province Nord"))
                #expect(latest.body.contains("<a href=\"/partenaires?annee=2025\">2025</a>"))

                // Removal.
                let removed = try await staff.post("/partenaires/\(orange.id!.uuidString)/supprimer")
                #expect(removed.status == .seeOther)
                #expect(removed.location == "/partenaires?annee=2025")
                #expect(try await Partner.find(orange.id, on: app.db) == nil)
                #expect(!(try await staff.get("/partenaires?annee=2025").body.contains("Orange &lt;Caraïbes&gt;")))
                #expect(try await staff.post("/partenaires/\(UUID().uuidString)/supprimer").status == .notFound)

                // Only staff add or remove.
                let target = try #require(p2025.first)
                for email in [DemoData.boardEmail, DemoData.memberEmail] {
                    let client = try await Pa.client(app, email)
                    #expect(try await client.post("/partenaires", ["year": "2025", "name": "Intrus", "kind": "sponsor"]).status == .forbidden, "\(email)")
                    #expect(try await client.post("/partenaires/\(target.id!.uuidString)/supprimer").status == .forbidden, "\(email)")
                }
                let anonymous = try await TestClient(app).post("/partenaires/\(target.id!.uuidString)/supprimer")
                #expect(anonymous.status == .seeOther)
                #expect(anonymous.location?.hasPrefix("/connexion") == true)
                #expect(try await Partner.find(target.id, on: app.db) != nil)
                #expect(try await Partner.query(on: app.db).filter(\.$name == "Intrus").count() == 0)
            }
        }
    }
}
