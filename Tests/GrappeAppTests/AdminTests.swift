import Fluent
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// Accounts, the cluster's details, and corrections of payments.
    @Suite struct AdminTests {
        @Test func staffCreateBoardAccountsAndDeactivateThem() async throws {
            try await withGrappe { app in
                let client = try await Fixtures.staffClient(app)
                #expect(try await client.get("/comptes").status == .ok)
                let bad = try await client.post("/comptes", ["displayName": "", "email": "pas-un-email", "role": "member"])
                #expect(bad.status == .badRequest)
                #expect(bad.body.contains("Rôle inconnu"))
                let created = try await client.post("/comptes", ["displayName": "Eve CHIAPELLO", "email": "Eve@Actecil.example", "role": "board"])
                #expect(created.status == .seeOther)
                let eve = try #require(try await User.query(on: app.db).filter(\.$email == "eve@actecil.example").first())
                #expect(eve.role == .board)
                let invitation = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "eve@actecil.example").first())
                #expect(invitation.kind == "invitation")
                let duplicate = try await client.post("/comptes", ["displayName": "Eve", "email": "eve@actecil.example", "role": "board"])
                #expect(duplicate.body.contains("Un compte existe déjà"))
                #expect(try await client.post("/comptes/\(eve.id!.uuidString)/desactiver").status == .seeOther)
                #expect(try await User.find(eve.id, on: app.db)?.active == false)
                // A deactivated account cannot log in.
                eve.passwordHash = try Bcrypt.hash(Fixtures.password, cost: 4)
                eve.active = false
                try await eve.save(on: app.db)
                let refused = try await TestClient(app).post("/connexion", ["email": "eve@actecil.example", "password": Fixtures.password])
                #expect(refused.status == .unauthorized)
                #expect(try await client.post("/comptes/\(eve.id!.uuidString)/reactiver").status == .seeOther)
                #expect(try await client.post("/comptes/\(eve.id!.uuidString)/lien").status == .seeOther)
                let me = try #require(try await User.query(on: app.db).filter(\.$email == "staff@open.nc").first())
                let selfOff = try await client.post("/comptes/\(me.id!.uuidString)/desactiver")
                #expect(try await client.get(selfOff.location!).body.contains("votre propre compte"))
                #expect(try await User.find(me.id, on: app.db)?.active == true)
            }
        }

        @Test func boardAndMembersCannotManageAccounts() async throws {
            try await withGrappe { app in
                try await Fixtures.user(app, email: "ca@open.nc", role: .board)
                let client = TestClient(app)
                try await client.login("ca@open.nc", Fixtures.password)
                #expect(try await client.get("/comptes").status == .forbidden)
                #expect(try await client.post("/comptes", ["displayName": "X", "email": "x@open.nc", "role": "staff"]).status == .forbidden)
                #expect(try await client.get("/organisation").status == .forbidden)
                #expect(try await User.query(on: app.db).filter(\.$email == "x@open.nc").count() == 0)
            }
        }

        @Test func clusterDetailsAreEditableAndPrinted() async throws {
            try await withGrappe { app in
                let client = try await Fixtures.staffClient(app)
                #expect(try await client.get("/organisation").body.contains("value=\"OPEN NC\""))
                let bad = try await client.post("/organisation", ["name": "", "fullName": "X", "email": "non", "phone": "abc"])
                #expect(bad.status == .badRequest)
                #expect(bad.body.contains("Ce champ est obligatoire.") && bad.body.contains("Adresse e-mail invalide."))
                let ok = try await client.post("/organisation", ["name": "OPEN NC", "fullName": "OPEN Nouvelle-Calédonie", "address": "1 rue du Lagon, Nouméa",
                                                                 "email": "contact@open.nc", "phone": "73.11.60", "website": "www.open.nc", "managerName": "Margaux LOCHE"])
                #expect(ok.status == .seeOther)
                #expect(try await client.get("/tableau-de-bord").body.contains("OPEN Nouvelle-Calédonie"), "the footer follows")
                let m = try await Fixtures.memberWithDue(app, name: "Imprimée")
                let due = m.due
                #expect(try await client.get("/cotisations/\(due.id!.uuidString)/appel").body.contains("1 rue du Lagon, Nouméa"))
            }
        }

        @Test func aPaymentRecordedByMistakeIsCancelledWithAReason() async throws {
            try await withGrappe { app in
                let m = try await Fixtures.memberWithDue(app, name: "Erreur")
                let due = m.due
                let client = try await Fixtures.staffClient(app)
                let path = "/cotisations/\(due.id!.uuidString)"
                try await client.post(path + "/paiements", ["amount": "60000", "paidOn": "2025-03-01", "method": "cash"])
                let payment = try #require(try await Payment.query(on: app.db).first())
                let noReason = try await client.post(path + "/paiements/\(payment.id!.uuidString)/annuler", ["reason": ""])
                #expect(try await client.get(noReason.location!).body.contains("Indiquez le motif"))
                #expect(try await Payment.query(on: app.db).count() == 1)
                let other = try await Fixtures.member(app, name: "Autre")
                _ = try await Fixtures.issueDues(app)
                let otherDue = try await Fixtures.due(app, company: other.company)
                let wrongDue = try await client.post("/cotisations/\(otherDue.id!.uuidString)/paiements/\(payment.id!.uuidString)/annuler", ["reason": "x"])
                #expect(wrongDue.status == .notFound, "a payment is cancelled only through its own due")
                #expect(try await client.post(path + "/paiements/\(payment.id!.uuidString)/annuler", ["reason": "Chèque rejeté"]).status == .seeOther)
                #expect(try await Payment.query(on: app.db).count() == 0)
                let page = try await client.get(path)
                #expect(page.body.contains("Annulation de paiement"))
                #expect(page.body.contains("Chèque rejeté"))
                #expect(page.body.contains("Reste 60\u{202F}000\u{00A0}XPF"))
            }
        }
    }
}
