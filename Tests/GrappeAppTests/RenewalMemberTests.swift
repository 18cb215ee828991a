import Fluent
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// A member contact confirms the renewal and declares the headcount (the fee follows); staff
    /// see it in the preview; an unanswered renewal is reminded, then lapsed, by the hourly job.
    @Suite struct RenewalMemberTests {
        @Test func aMemberConfirmsAndUpdatesTheHeadcountBeforeTheCall() async throws {
            try await withGrappe { app in
                try await Fixtures.schedule(app, year: 2025)
                try await Fixtures.schedule(app, year: 2026)
                let alpha = try await Fixtures.member(app, name: "Alpha Numérique", headcount: 5, login: "moi@alpha.example")
                let other = try await Fixtures.member(app, name: "Autre SARL", login: "moi@autre.example")
                let member = TestClient(app)
                try await member.login("moi@alpha.example", Fixtures.password)
                let path = "/adherents/\(alpha.company.id!.uuidString)"
                let page = try await member.get(path)
                #expect(page.body.contains("Renouvellement 2026") && page.body.contains("Confirmer le renouvellement 2026"))
                #expect(page.body.contains(Money.xpf(FeeGrid.open2025.bracket(for: .core, headcount: 5)!.amount)))

                let refused = try await member.post("\(path)/renouvellement", ["headcount": "-3"])
                #expect(refused.status == .badRequest)
                #expect(refused.body.contains("Un nombre entier de salariés"))
                #expect(try await Renewal.query(on: app.db).count() == 0)

                let done = try await member.post("\(path)/renouvellement", ["headcount": "30"])
                #expect(done.status == .seeOther)
                let renewal = try #require(try await Renewal.query(on: app.db).first())
                #expect(renewal.year == 2026 && renewal.headcount == 30 && renewal.confirmedAt != nil && renewal.confirmedBy == "moi@alpha.example")
                #expect(try await Company.find(alpha.company.id, on: app.db)?.headcount == 30)
                let after = try await member.get(path)
                #expect(after.body.contains("confirmé"))
                #expect(after.body.contains(Money.xpf(FeeGrid.open2025.bracket(for: .core, headcount: 30)!.amount)), "the bracket follows the headcount")
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "confirm_renewal").count() == 1)

                let staff = try await Fixtures.staffClient(app)
                let preview = try await staff.get("/cotisations/renouvellement?annee=2026")
                #expect(preview.body.contains("par moi@alpha.example"))
                #expect(preview.body.contains("name=\"headcount-\(alpha.company.id!.uuidString)\" type=\"number\" min=\"0\" max=\"100000\" value=\"30\""))

                // Another company's contact, the board: refused, nothing saved.
                let intruder = TestClient(app)
                try await intruder.login("moi@autre.example", Fixtures.password)
                #expect(try await intruder.post("\(path)/renouvellement", ["headcount": "1"]).status == .forbidden)
                try await Fixtures.user(app, email: "ca@open.nc", role: .board)
                let board = TestClient(app)
                try await board.login("ca@open.nc", Fixtures.password)
                #expect(try await board.post("\(path)/renouvellement", ["headcount": "1"]).status == .forbidden)
                #expect(try await Company.find(alpha.company.id, on: app.db)?.headcount == 30)
                #expect(try await Renewal.query(on: app.db).count() == 1)
                _ = other
            }
        }

        @Test func theJobRemindsThenLapsesWhoNeitherConfirmedNorPaid() async throws {
            try await withGrappe { app in
                try await Fixtures.schedule(app, year: 2025)
                try await Fixtures.schedule(app, year: 2026)
                let orgID = try await Fixtures.organisationID(app)
                let silent = try await Fixtures.member(app, name: "Muette SARL")
                let confirmed = try await Fixtures.member(app, name: "Fidèle SAS")
                let payer = try await Fixtures.member(app, name: "Payeuse SA")
                let choices = Dictionary(uniqueKeysWithValues: [silent, confirmed, payer].map { ($0.company.id!, RenewalService.Choice(renew: true, category: .core, headcount: 5)) })
                _ = try await RenewalService.run(year: 2026, choices: choices, issuedOn: FrenchDate.make(2026, 1, 10), organisationID: orgID, user: nil, app: app, on: app.db)
                let r = Renewal(companyID: confirmed.company.id!, year: 2026)
                r.confirmedAt = FrenchDate.make(2026, 1, 20); r.confirmedBy = "Fidèle"; r.headcount = 5
                try await r.create(on: app.db)
                let payerDue = try await Fixtures.due(app, company: payer.company, year: 2026)
                try await DuesService.recordPayment(dueID: payerDue.id!, amount: 1000, paidOn: FrenchDate.make(2026, 2, 1), method: .transfer, reference: "",
                                                    organisationID: orgID, user: nil, on: app.db)

                func at(_ m: Int, _ d: Int) -> Date { FrenchDate.calendar.date(from: DateComponents(year: 2026, month: m, day: d, hour: 10))! }
                #expect(try await RenewalLapse.run(app: app, now: at(3, 1)) == (0, 0))
                #expect(try await RenewalLapse.run(app: app, now: at(3, 20)) == (1, 0), "the reminder, 15 days before 31 March")
                #expect(try await RenewalLapse.run(app: app, now: at(3, 21)) == (0, 0), "claimed once")
                let reminders = try await OutboxMessage.query(on: app.db).filter(\.$kind == "renewal_reminder").all()
                #expect(reminders.map(\.recipient) == [silent.person.email])
                #expect(reminders.first?.body.contains("mardi 31 mars 2026") == true)

                #expect(try await RenewalLapse.run(app: app, now: at(4, 1)) == (0, 1))
                #expect(try await RenewalLapse.run(app: app, now: at(4, 2)) == (0, 0), "lapsed once")
                let statuses = Dictionary(uniqueKeysWithValues: try await Membership.query(on: app.db).filter(\.$year == 2026).all().map { ($0.$company.id, $0.status) })
                #expect(statuses[silent.company.id!] == .lapsed)
                #expect(statuses[confirmed.company.id!] == .active && statuses[payer.company.id!] == .active)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "lapse").filter(\.$entityID == silent.company.id!).count() == 1)
                let verdicts = try await DuesStandingQueries.verdicts(app.db, companyIDs: [silent.company.id!], graceDays: 30, now: at(4, 2))
                #expect(verdicts[silent.company.id!] == .noMembership, "a lapsed company loses the members' services")
            }
        }

        @Test func staffEditTheRenewalSettings() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                #expect(try await staff.get("/cotisations/renouvellement/reglages").body.contains("value=\"30\""))
                let refused = try await staff.post("/cotisations/renouvellement/reglages", ["graceDays": "10", "lapseDay": "31", "lapseMonth": "4", "reminderDays": "15"])
                #expect(refused.status == .badRequest && refused.body.contains("Ce jour n&#39;existe pas dans ce mois."))
                #expect(try await RenewalSettings.query(on: app.db).count() == 0)
                let saved = try await staff.post("/cotisations/renouvellement/reglages", ["graceDays": "10", "lapseDay": "30", "lapseMonth": "4", "reminderDays": "7"])
                #expect(saved.status == .seeOther)
                let s = try await RenewalSettings.of(try await Fixtures.organisationID(app), on: app.db)
                #expect(s.graceDays == 10 && s.lapseDay == 30 && s.lapseMonth == 4 && s.reminderDays == 7)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "renewal_settings").count() == 1)
            }
        }
    }
}
