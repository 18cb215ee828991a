import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// The public diagnostic page over HTTP: the explanation and the grant, the form's checks with
    /// what was typed kept and nothing saved, the honeypot, and a request saved with its emails.
    @Suite struct DiagnosticPublicTests {
        static func fields(ridet: String = "1234567.001", commune: String = "Bourail", slot: String = "2026-10-06T09:00") -> [String: String] {
            ["company": "Boulangerie du Col <Tonghoué>", "ridet": ridet, "activity": "craft", "commune": commune, "headcount": "4",
             "contactName": "Léa Tein", "email": "Lea@Boulangerie.example", "phone": "", "slot1": slot, "slot2": "2026-10-07T14:30", "slot3": "",
             "message": "Plutôt le matin", "consent": "1", PublicFormGuard.honeypotField: ""]
        }

        @Test func thePageExplainsTheDiagnosticAndTheGrant() async throws {
            try await withGrappe { app in
                let page = try await TestClient(app).get("/diagnostic")
                #expect(page.status == .ok)
                #expect(page.body.contains("pour un entretien d'une heure"))
                #expect(page.body.contains("\(GrantRules.provinceSud.ratePercent) % des dépenses") && page.body.contains(Money.xpf(GrantRules.provinceSud.cap)))
                #expect(page.body.contains("name=\"\(PublicFormGuard.honeypotField)\"") && page.body.contains("name=\"\(CSRF.field)\""))
                #expect(page.body.contains("type=\"datetime-local\"") && page.body.contains("<option value=\"Bourail\">"))
                let home = try await TestClient(app).get("/")
                #expect(home.body.contains("href=\"/diagnostic\""), "the public home links the service")
            }
        }

        @Test func badInputIsRefusedWithWhatWasTypedAndNothingSaved() async throws {
            try await withGrappe { app in
                let visitor = TestClient(app)
                _ = try await visitor.get("/diagnostic")
                let mailsBefore = try await OutboxMessage.query(on: app.db).count()
                for (fields, message) in [
                    (Self.fields(ridet: "12-34"), "RIDET invalide"),
                    (Self.fields(commune: "Papeete"), "« Papeete » n&#39;est pas une commune de Nouvelle-Calédonie."),
                    (Self.fields(slot: "2026-09-01T09:00"), "est déjà passé : choisissez une date à venir."),
                ] {
                    let page = try await visitor.post("/diagnostic", fields)
                    #expect(page.status == .badRequest, "\(message)")
                    #expect(page.body.contains(message), "\(message)")
                    #expect(page.body.contains("value=\"Boulangerie du Col &lt;Tonghoué&gt;\""), "typed values kept, escaped")
                    #expect(page.body.contains("value=\"2026-10-07T14:30\"") && page.body.contains(">Plutôt le matin</textarea>"))
                }
                #expect(try await DiagnosticRequest.query(on: app.db).count() == 0)
                #expect(try await OutboxMessage.query(on: app.db).count() == mailsBefore)

                var bot = Self.fields()
                bot[PublicFormGuard.honeypotField] = "https://spam.example"
                #expect(try await visitor.post("/diagnostic", bot).status == .seeOther)
                #expect(try await DiagnosticRequest.query(on: app.db).count() == 0, "a bot is thanked and ignored")
            }
        }

        @Test func aGoodRequestIsSavedAndBothSidesAreTold() async throws {
            try await withGrappe { app in
                let visitor = TestClient(app)
                _ = try await visitor.get("/diagnostic")
                let sent = try await visitor.post("/diagnostic", Self.fields(ridet: "1234567"))
                #expect(sent.status == .seeOther && sent.location == "/diagnostic/merci")
                let thanks = try await visitor.get("/diagnostic/merci")
                #expect(thanks.body.contains("Boulangerie du Col &lt;Tonghoué&gt;") && thanks.body.contains("mardi 6 octobre 2026 à 09:00"))
                let r = try #require(try await DiagnosticRequest.query(on: app.db).first())
                #expect(r.ridet == "1234567" && r.activity == .craft && r.commune == "Bourail" && r.headcount == 4 && r.status == .waiting)
                #expect(r.contactEmail == "lea@boulangerie.example" && r.slots == "2026-10-06T09:00\n2026-10-07T14:30")
                #expect(r.statisticsConsent && r.consentWording == DiagnosticRequestForm.consentWording && r.consentAt == TestClock.now)
                let mails = try await OutboxMessage.query(on: app.db).sort(\.$recipient).all()
                #expect(mails.map(\.recipient) == ["contact@open.nc", "lea@boulangerie.example"])
                #expect(mails[1].body.contains("- mardi 6 octobre 2026 à 09:00\n- mercredi 7 octobre 2026 à 14:30"))
                #expect(mails[0].body.contains("/admin/diagnostics/\(r.id!.uuidString)"))
            }
        }
    }
}
