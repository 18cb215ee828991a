import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// A closed diagnostic's staff page over HTTP: the grant's outcome (refused above the cap,
    /// with centimes or a date to come; saved otherwise) and the follow-up request of the same business.
    @Suite struct DiagnosticOutcomeToolTests {
        /// A craft business of Nouméa whose diagnostic was closed six months before `TestClock.now`.
        static func closed(_ app: Application, status: Diagnostic.Status = .closed) async throws -> (DiagnosticRequest, Diagnostic) {
            let r = try await DiagnosticPlanningTests.request(app, company: "Menuiserie <Dumbéa>", status: .done)
            r.commune = "Nouméa"
            r.activity = .craft
            try await r.save(on: app.db)
            let v1 = try #require(try await QuestionnaireVersion.query(on: app.db).filter(\.$version == 1).first())
            let d = Diagnostic(organisationID: r.$organisation.id, requestID: r.id!, questionnaireID: v1.id!, startsAt: FrenchDate.make(2026, 3, 16))
            d.status = status
            d.closedAt = status == .closed ? FrenchDate.make(2026, 3, 16) : nil
            try await d.create(on: app.db)
            return (r, d)
        }

        @Test func theGrantsOutcomeIsCheckedAndRecorded() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let (r, d) = try await Self.closed(app)
                let path = "/admin/diagnostics/\(r.id!.uuidString)"
                let page = try await staff.get(path)
                #expect(page.status == .ok && page.body.contains("Aide de la Province Sud") && page.body.contains("Estimation du diagnostic"))
                let estimate = try await DiagnosticEvaluation.load(d, request: r, on: app.db).grant
                #expect(estimate.isEligible && page.body.contains(Money.xpf(estimate.amount)))

                // Refused: above the cap, with centimes, a date to come, no amount; nothing saved.
                let above = try await staff.post(path + "/aide", ["grantStatus": "granted", "grantAmount": "300 000", "grantOn": "2026-09-01"])
                #expect(above.status == .badRequest && above.body.contains("Le montant accordé ne peut dépasser le plafond de l&#39;aide (\(Money.xpf(250_000))).")
                        && above.body.contains("value=\"300 000\""))
                let cents = try await staff.post(path + "/aide", ["grantStatus": "granted", "grantAmount": "1.5", "grantOn": "2026-09-01"])
                #expect(cents.status == .badRequest && cents.body.contains("sans centimes"))
                let later = try await staff.post(path + "/aide", ["grantStatus": "asked", "grantAmount": "", "grantOn": "2026-12-01"])
                #expect(later.status == .badRequest && later.body.contains("est à venir : indiquez une date passée."))
                #expect(try await Diagnostic.find(d.id, on: app.db)?.grantStatus == Diagnostic.GrantStatus.none)

                #expect(try await staff.post(path + "/aide", ["grantStatus": "asked", "grantAmount": "", "grantOn": "2026-09-01"]).status == .seeOther)
                var saved = try #require(try await Diagnostic.find(d.id, on: app.db))
                #expect(saved.grantStatus == .asked && saved.grantAmount == nil && saved.grantOn == FrenchDate.make(2026, 9, 1))
                let amount = 100_000
                #expect(try await staff.post(path + "/aide", ["grantStatus": "granted", "grantAmount": Money.grouped(amount), "grantOn": "2026-09-10"]).status == .seeOther)
                saved = try #require(try await Diagnostic.find(d.id, on: app.db))
                #expect(saved.grantStatus == .granted && saved.grantAmount == amount && saved.grantOn == FrenchDate.make(2026, 9, 10))
                #expect(try await staff.get(path).body.contains("Aide accordée : "))
                if estimate.amount < 250_000 {
                    _ = try await staff.post(path + "/aide", ["grantStatus": "granted", "grantAmount": String(estimate.amount + 1), "grantOn": "2026-09-10"])
                    #expect(try await staff.get(path).body.contains("dépasse l&#39;estimation du diagnostic"), "allowed, with a warning")
                    #expect(try await Diagnostic.find(d.id, on: app.db)?.grantAmount == estimate.amount + 1)
                }
            }
        }

        @Test func onlyAClosedDiagnosticTakesAnOutcome() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let (r, d) = try await Self.closed(app, status: .inProgress)
                let path = "/admin/diagnostics/\(r.id!.uuidString)"
                #expect(!(try await staff.get(path).body.contains("Aide de la Province Sud")))
                #expect(try await staff.post(path + "/aide", ["grantStatus": "asked", "grantOn": "2026-09-01"]).status == .seeOther)
                #expect(try await staff.post(path + "/suivi", [:]).status == .seeOther)
                #expect(try await Diagnostic.find(d.id, on: app.db)?.grantStatus == Diagnostic.GrantStatus.none)
                #expect(try await DiagnosticRequest.query(on: app.db).count() == 1)
            }
        }

        @Test func aFollowUpIsRequestedForTheSameBusiness() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let (r, _) = try await Self.closed(app)
                let path = "/admin/diagnostics/\(r.id!.uuidString)"
                let page = try await staff.get(path)
                #expect(page.body.contains("Planifier un diagnostic de suivi") && page.body.contains("Date suggérée : mercredi 16 septembre 2026"))
                let created = try await staff.post(path + "/suivi", [:])
                #expect(created.status == .seeOther)
                let next = try #require(try await DiagnosticRequest.query(on: app.db).filter(\.$id != r.id!).first())
                #expect(created.location == "/admin/diagnostics/\(next.id!.uuidString)")
                #expect(next.status == .waiting && next.ridet == r.ridet && next.companyName == r.companyName && next.commune == "Nouméa")
                #expect(next.activity == .craft && next.headcount == r.headcount && next.contactEmail == r.contactEmail)
                #expect(next.slots == "2026-09-16T09:00")
                let plan = try await staff.get(created.location!)
                #expect(plan.body.contains("Menuiserie &lt;Dumbéa&gt;") && plan.body.contains("value=\"2026-09-16\"") && plan.body.contains("Planifier le rendez-vous"))
                // Asked again: the waiting request is shown, none is added.
                let again = try await staff.post(path + "/suivi", [:])
                #expect(again.location == created.location)
                #expect(try await DiagnosticRequest.query(on: app.db).count() == 2)
            }
        }
    }
}
