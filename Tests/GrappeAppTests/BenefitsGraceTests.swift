import Fluent
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// Benefits do not stop when the new call goes out (SKAZY, on the demo): a member keeps the
    /// candidate pool while its dues are paid or not overdue, plus the grace period; refused, the
    /// page says why and links to the due.
    @Suite struct BenefitsGraceTests {
        @Test func skazyPaidFor2025KeepsThePoolWhenThe2026CallIsIssued() async throws {
            try await withGrappe(demo: true) { app in
                let orgID = try await Fixtures.organisationID(app)
                let skazy = try #require(try await Company.query(on: app.db).filter(\.$name == "SKAZY").first())
                let due2025 = try await Fixtures.due(app, company: skazy, year: 2025)
                try await DuesService.recordPayment(dueID: due2025.id!, amount: due2025.amount - due2025.paid, paidOn: FrenchDate.make(2025, 6, 2), method: .transfer,
                                                    reference: "", organisationID: orgID, user: nil, on: app.db)
                let member = TestClient(app)
                try await member.login(DemoData.memberEmail)
                #expect(try await member.get("/vivier").status == .ok, "paid for 2025")

                // The 2026 call, as the campaign issues it, due 31/12/2026.
                let preview = try await RenewalPreview.load(app.db, organisationID: orgID, year: 2026)
                let choices = Dictionary(uniqueKeysWithValues: preview.toRenew.map { ($0.companyID, RenewalService.Choice(renew: true, category: $0.category, headcount: $0.headcount)) })
                let outcome = try await RenewalService.run(year: 2026, choices: choices, issuedOn: FrenchDate.make(2026, 9, 15), organisationID: orgID, user: nil, app: app, on: app.db)
                #expect(outcome.numbers.count == preview.toRenew.count && outcome.renewed > 90)
                let due2026 = try await Fixtures.due(app, company: skazy, year: 2026)
                due2026.dueOn = FrenchDate.make(2026, 12, 31)
                try await due2026.save(on: app.db)
                #expect(try await member.get("/vivier").status == .ok, "the 2026 call takes nothing away before its due date")

                app.clock = .fixed(FrenchDate.calendar.date(from: DateComponents(year: 2027, month: 1, day: 20, hour: 9))!)
                #expect(try await member.get("/vivier").status == .ok, "within the 30 days of grace")

                app.clock = .fixed(FrenchDate.calendar.date(from: DateComponents(year: 2027, month: 2, day: 1, hour: 9))!)
                let refused = try await member.get("/vivier")
                #expect(refused.status == .forbidden)
                #expect(refused.body.contains("réservé aux adhérents à jour de leur cotisation"))
                #expect(refused.body.contains("La cotisation 2026 de votre entreprise était à régler au plus tard le jeudi 31 décembre 2026"))
                #expect(refused.body.contains("href=\"/cotisations/\(due2026.id!.uuidString)\""))
                #expect(try await member.get("/cotisations/\(due2026.id!.uuidString)").status == .ok, "the link leads to the member's own due")
            }
        }

        @Test func theGracePeriodComesFromTheSettings() async throws {
            try await withGrappe { app in
                try await Fixtures.schedule(app, year: 2026)
                let m = try await Fixtures.member(app, name: "Alpha Numérique", year: 2026, login: "moi@alpha.example")
                _ = try await DuesService.issueCall(year: 2026, issuedOn: FrenchDate.make(2026, 8, 1), organisationID: try await Fixtures.organisationID(app), user: nil, on: app.db)
                // Due 31 August; now 15 September: overdue, inside 30 days of grace.
                let member = TestClient(app)
                try await member.login("moi@alpha.example", Fixtures.password)
                #expect(try await member.get("/vivier").status == .ok)
                let staff = try await Fixtures.staffClient(app)
                try await staff.post("/cotisations/renouvellement/reglages", ["graceDays": "7", "lapseDay": "31", "lapseMonth": "3", "reminderDays": "15"])
                let refused = try await member.get("/vivier")
                #expect(refused.status == .forbidden && refused.body.contains("délai de grâce de 7 jours écoulé"))
                _ = m
            }
        }
    }
}
