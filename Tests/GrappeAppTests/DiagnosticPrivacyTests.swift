import Fluent
import Foundation
import GrappeDomain
import SQLKit
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// A diagnostic request's contact is a person's data: in their export, erased with their data
    /// on request, and erased by the hourly job once the retention set in Réglages has passed.
    /// The company's facts, the scores and the advisor's notes stay for the figures.
    @Suite struct DiagnosticPrivacyTests {
        typealias K = DiagnosticFiguresKit

        /// Moves a row's `created_at` (Fluent stamps it with the system's time).
        static func created(_ app: Application, _ r: DiagnosticRequest, _ date: Date) async throws {
            try await app.db.sql.raw("UPDATE diagnostic_requests SET created_at = \(bind: date) WHERE id = \(bind: try r.requireID())").run()
        }

        static func months(_ n: Int) -> Date { FrenchDate.calendar.date(byAdding: .month, value: -n, to: TestClock.now)! }

        @Test func theContactsRequestIsExportedThenErasedWithTheirData() async throws {
            try await withGrappe(demo: true) { app in
                let (mine, diagnostic) = try await K.closed(app, company: "Épicerie <Test>", email: DemoData.memberEmail, at: TestClock.now.addingTimeInterval(-86_400))
                let (other, _) = try await K.closed(app, company: "Autre atelier", ridet: "7654321.001", email: "autre@atelier.example", at: TestClock.now.addingTimeInterval(-86_400))
                let member = TestClient(app)
                try await member.login(DemoData.memberEmail)
                let json = try #require(try JSONSerialization.jsonObject(with: Data(try await member.get("/compte/donnees.json").body.utf8)) as? [String: Any])
                let listed = try #require(json["demandes_diagnostic"] as? [[String: String]])
                #expect(listed.count == 1)
                #expect(listed.first?["entreprise"] == "Épicerie <Test>" && listed.first?["telephone"] == "77.12.34" && listed.first?["contact"] == "Camille Test")

                try await member.get("/compte/donnees")
                #expect(try await member.post("/compte/donnees/effacement", ["message": ""]).status == .seeOther)
                let request = try #require(try await DataRequest.query(on: app.db).filter(\.$email == DemoData.memberEmail).filter(\.$status == .pending).first())
                let staff = TestClient(app)
                try await staff.login(DemoData.managerEmail)
                #expect(try await staff.post("/donnees-personnelles/\(request.id!.uuidString)/effacer").status == .seeOther)

                let erased = try #require(try await DiagnosticRequest.find(mine.id, on: app.db))
                #expect(erased.contactName.isEmpty && erased.contactEmail.isEmpty && erased.contactPhone.isEmpty && erased.message.isEmpty)
                #expect(erased.erasedAt == app.now)
                #expect(erased.companyName == "Épicerie <Test>" && erased.ridet == mine.ridet && erased.commune == mine.commune
                        && erased.activity == mine.activity && erased.statisticsConsent, "the company's facts stay")
                let kept = try #require(try await Diagnostic.find(diagnostic.id, on: app.db))
                #expect(kept.status == .closed && kept.overallScore == diagnostic.overallScore && kept.notes == diagnostic.notes, "scores and notes stay")
                let untouched = try #require(try await DiagnosticRequest.find(other.id, on: app.db))
                #expect(untouched.contactEmail == "autre@atelier.example" && untouched.erasedAt == nil, "another person's request is not touched")
                let figures = try await DiagnosticFigureQueries.figures(app.db, organisationID: try await Fixtures.organisationID(app))
                #expect(figures.tally(nil).diagnostics == 43, "the figures still count it")
            }
        }

        @Test func theHourlyJobErasesContactsPastTheirRetention() async throws {
            try await withGrappe { app in
                let orgID = try await Fixtures.organisationID(app)
                // Closed 37 months ago: over. Asked 40 months ago but closed 20 months ago: kept.
                let (old, oldDiagnostic) = try await K.closed(app, email: "ancien@atelier.example", at: Self.months(37))
                try await Self.created(app, old, Self.months(38))
                let (recent, _) = try await K.closed(app, ridet: "7654321.001", email: "recent@atelier.example", at: Self.months(20))
                try await Self.created(app, recent, Self.months(40))
                // Its appointment cancelled: counted from its arrival.
                let (waiting, _) = try await K.closed(app, ridet: "1111111.001", email: "attente@atelier.example", at: Self.months(30), status: .cancelled)
                try await Self.created(app, waiting, Self.months(37))
                let (fresh, _) = try await K.closed(app, ridet: "2222222.001", email: "neuf@atelier.example", at: TestClock.now.addingTimeInterval(-86_400))

                #expect(try await DiagnosticContactPrivacy.eraseExpired(app.db, now: TestClock.now) == 2)
                for r in [old, waiting] {
                    let row = try #require(try await DiagnosticRequest.find(r.id, on: app.db))
                    #expect(row.contactEmail.isEmpty && row.contactName.isEmpty && row.contactPhone.isEmpty && row.erasedAt == TestClock.now, "\(r.contactEmail)")
                    #expect(row.companyName == r.companyName && row.commune == r.commune)
                }
                for r in [recent, fresh] {
                    #expect(try await DiagnosticRequest.find(r.id, on: app.db)?.contactEmail == r.contactEmail, "\(r.contactEmail) kept")
                }
                let notes = try #require(try await Diagnostic.find(oldDiagnostic.id, on: app.db)).storedNotes
                #expect(notes[.data] == "Sauvegardes sur une clé USB.", "the notes are about the business: they stay")
                #expect(try await DiagnosticContactPrivacy.eraseExpired(app.db, now: TestClock.now) == 0, "nothing twice")

                // Réglages: 48 months keeps what 36 would erase.
                let settings = DiagnosticSettings(organisationID: orgID)
                settings.retentionMonths = 48
                try await settings.create(on: app.db)
                let (longer, _) = try await K.closed(app, ridet: "3333333.001", email: "long@atelier.example", at: Self.months(40))
                try await Self.created(app, longer, Self.months(41))
                #expect(try await DiagnosticContactPrivacy.eraseExpired(app.db, now: TestClock.now) == 0)
                #expect(try await DiagnosticContactPrivacy.eraseExpired(app.db, now: FrenchDate.calendar.date(byAdding: .month, value: 9, to: TestClock.now)!) == 1,
                        "nine months later, only the one closed 49 months before is past 48 months")
                #expect(PeriodicJob.all().contains { $0.label == "Diagnostics (conservation)" }, "the hourly job runs it")
            }
        }
    }
}
