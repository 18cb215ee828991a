import Fluent
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// A member contact sees and edits their own company, and nothing of any other.
    @Suite struct AccessControlTests {
        @Test func memberSeesOnlyTheirCompany() async throws {
            try await withGrappe { app in
                try await Fixtures.schedule(app)
                let mine = try await Fixtures.member(app, name: "Ma Société", login: "moi@ma-societe.example")
                let other = try await Fixtures.member(app, name: "Concurrent", headcount: 30)
                _ = try await Fixtures.issueDues(app)
                let myDue = try await Fixtures.due(app, company: mine.company)
                let otherDue = try await Fixtures.due(app, company: other.company)
                let client = TestClient(app)
                try await client.login("moi@ma-societe.example", Fixtures.password)

                let home = try await client.get("/mon-entreprise")
                #expect(home.location == "/adherents/\(mine.company.id!.uuidString)")
                let page = try await client.get("/adherents/\(mine.company.id!.uuidString)")
                #expect(page.status == .ok)
                #expect(page.body.contains("Ma Société"))
                #expect(page.body.contains(myDue.number))
                #expect(!page.body.contains("Historique des modifications"), "the audit trail is for staff")
                #expect(try await client.get("/cotisations/\(myDue.id!.uuidString)").status == .ok)
                #expect(try await client.get("/cotisations/\(myDue.id!.uuidString)/appel").status == .ok)

                let otherID = other.company.id!.uuidString
                for path in ["/adherents/\(otherID)", "/adherents/\(otherID)/modifier", "/cotisations/\(otherDue.id!.uuidString)",
                             "/cotisations/\(otherDue.id!.uuidString)/appel", "/cotisations/\(otherDue.id!.uuidString)/recu",
                             "/adherents", "/adherents/export.csv", "/cotisations", "/cotisations/relances", "/domaines", "/courriels",
                             "/adherents/nouveau", "/adherents/import", "/tableau-de-bord", "/cotisations/baremes/2025"] {
                    let refused = try await client.get(path)
                    #expect(refused.status == .forbidden, "\(path) → \(refused.status)")
                    #expect(!refused.body.contains("Concurrent"), "\(path) leaks the other company")
                }
                // Writes to the other company are refused and change nothing.
                let edit = try await client.post("/adherents/\(otherID)/modifier", ["name": "Piraté", "headcount": "1"])
                #expect(edit.status == .forbidden)
                let contact = try await client.post("/adherents/\(otherID)/contacts", ["firstName": "Intrus", "lastName": "X"])
                #expect(contact.status == .forbidden)
                let removal = try await client.post("/adherents/\(otherID)/contacts/\(other.person.id!.uuidString)/retirer")
                #expect(removal.status == .forbidden)
                #expect(try await CompanyContact.query(on: app.db).filter(\.$person.$id == other.person.requireID()).count() == 1)
                let pay = try await client.post("/cotisations/\(myDue.id!.uuidString)/paiements", ["amount": "1", "paidOn": "2025-03-01", "method": "cash"])
                #expect(pay.status == .forbidden, "members cannot record payments, even on their own due")
                #expect(try await Company.find(other.company.id, on: app.db)?.name == "Concurrent")
                #expect(try await Payment.query(on: app.db).count() == 0)
            }
        }

        @Test func memberEditsTheirProfileButNotStaffFields() async throws {
            try await withGrappe { app in
                let mine = try await Fixtures.member(app, name: "Ma Société", login: "moi@ma-societe.example")
                let client = TestClient(app)
                try await client.login("moi@ma-societe.example", Fixtures.password)
                let form = try await client.get("/adherents/\(mine.company.id!.uuidString)/modifier")
                #expect(form.status == .ok)
                #expect(!form.body.contains("name=\"ridet\""))
                let saved = try await client.post("/adherents/\(mine.company.id!.uuidString)/modifier", [
                    "name": "Ma Société SARL", "headcount": "6", "commune": "Koné", "ridet": "1234567", "founding": "1",
                ])
                #expect(saved.status == .seeOther)
                let company = try #require(try await Company.find(mine.company.id, on: app.db))
                #expect(company.name == "Ma Société SARL")
                #expect(company.commune == "Koné")
                #expect(company.ridet == nil, "RIDET is staff-only")
                #expect(company.founding == false, "the founding flag is staff-only")
            }
        }

        @Test func boardReadsButCannotChange() async throws {
            try await withGrappe { app in
                try await Fixtures.schedule(app)
                let member = try await Fixtures.member(app, name: "Adhérent")
                _ = try await Fixtures.issueDues(app)
                let due = try await Fixtures.due(app, company: member.company)
                try await Fixtures.user(app, email: "ca@open.nc", role: .board)
                let client = TestClient(app)
                try await client.login("ca@open.nc", Fixtures.password)
                #expect(try await client.get("/adherents").status == .ok)
                #expect(try await client.get("/cotisations").status == .ok)
                #expect(try await client.get("/adherents/\(member.company.id!.uuidString)").status == .ok)
                #expect(try await client.get("/adherents/nouveau").status == .forbidden)
                #expect(try await client.get("/adherents/\(member.company.id!.uuidString)/modifier").status == .forbidden)
                let pay = try await client.post("/cotisations/\(due.id!.uuidString)/paiements", ["amount": "1000", "paidOn": "2025-03-01", "method": "cash"])
                #expect(pay.status == .forbidden)
                #expect(try await client.post("/cotisations/appel", ["year": "2025"]).status == .forbidden)
            }
        }

        @Test func unknownIdsAreNotFound() async throws {
            try await withGrappe { app in
                let client = try await Fixtures.staffClient(app)
                for path in ["/adherents/pas-un-uuid", "/adherents/\(UUID().uuidString)", "/cotisations/\(UUID().uuidString)", "/nulle-part"] {
                    let page = try await client.get(path)
                    #expect(page.status == .notFound, "\(path)")
                    #expect(page.body.contains("Page introuvable"))
                }
            }
        }
    }
}
