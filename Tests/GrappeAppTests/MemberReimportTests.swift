import Fluent
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// Re-importing the member file never changes a holder's role unless the file gives one, and
    /// every change it makes to a contact is in the history.
    @Suite struct MemberReimportTests {
        @Test func aReimportKeepsRolesAndRecordsItsChanges() async throws {
            try await withGrappe { app in
                let m = try await Fixtures.member(app, name: "Alpha Numérique")
                let client = try await Fixtures.staffClient(app)
                let email = m.person.email
                let header = "nom;commune;effectif;titulaire_prenom;titulaire_nom;titulaire_email"
                let file = "\(header)\nAlpha Numérique;Nouméa;5;Prénom;Nouveau-Nom;\(email)"
                let applied = try await client.post("/adherents/import", ["year": "2026", "step": "apply", "csv": file])
                #expect(applied.status == .seeOther)
                let link = try #require(try await CompanyContact.query(on: app.db).filter(\.$company.$id == m.company.id!).first())
                #expect(link.role == "Gérant", "the file says nothing of the role")
                #expect(try await Person.find(m.person.id, on: app.db)?.lastName == "Nouveau-Nom")
                let entries = try await AuditEntry.query(on: app.db).filter(\.$entityID == m.company.id!).all()
                #expect(entries.contains { $0.changes.contains("Nouveau-Nom") }, "the holder's new name is in the history")
                #expect(try await Membership.query(on: app.db).filter(\.$year == 2026).count() == 1)

                let withRole = "\(header);titulaire_fonction\nAlpha Numérique;Nouméa;5;Prénom;Nouveau-Nom;\(email);Présidente"
                try await client.post("/adherents/import", ["year": "2026", "step": "apply", "csv": withRole])
                #expect(try await CompanyContact.query(on: app.db).filter(\.$company.$id == m.company.id!).first()?.role == "Présidente")
                #expect(try await AuditEntry.query(on: app.db).filter(\.$entityID == m.company.id!).all().contains { $0.changes.contains("Présidente") })
            }
        }
    }
}
