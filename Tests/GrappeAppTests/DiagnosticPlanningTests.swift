import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// The staff's diagnostic pages over HTTP: the list, planning with its checks, the invitations
    /// (read back by Python's icalendar), moving, cancelling, the reminder, and who may reach them.
    @Suite struct DiagnosticPlanningTests {
        static func request(_ app: Application, company: String = "Quincaillerie <Koné>", status: DiagnosticRequest.Status = .waiting,
                            slots: String = "2026-10-06T09:00") async throws -> DiagnosticRequest {
            let r = DiagnosticRequest()
            r.$organisation.id = try await Fixtures.organisationID(app)
            r.companyName = company
            r.ridet = "1234567.001"
            r.activity = .retail
            r.activityDetails = ""
            r.commune = "Koné"
            r.headcount = 3
            r.contactName = "Paul Wamytan"
            r.contactEmail = "paul@quincaillerie.example"
            r.contactPhone = ""
            r.slots = slots
            r.message = ""
            r.statisticsConsent = false
            r.consentWording = ""
            r.status = status
            try await r.create(on: app.db)
            return r
        }

        static func staffKey(_ app: Application) async throws -> String {
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "staff@open.nc").first())
            return "user:\(user.id!.uuidString)"
        }

        static func calendar(_ mails: [OutboxMessage], to recipient: String) throws -> String {
            try #require(mails.first { $0.recipient == recipient }?.calendar)
        }

        @Test func theListShowsWaitingRequestsFirst() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                _ = try await Self.request(app, company: "Déjà planifiée", status: .planned)
                _ = try await Self.request(app, company: "En attente <A>")
                let page = try await staff.get("/admin/diagnostics")
                #expect(page.status == .ok)
                let waiting = try #require(page.body.range(of: "En attente &lt;A&gt;")), planned = try #require(page.body.range(of: "Déjà planifiée"))
                #expect(waiting.lowerBound < planned.lowerBound, "waiting before planned")
            }
        }

        @Test func planningIsCheckedThenSendsInvitationsThatMoveAndCancel() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let r = try await Self.request(app)
                let path = "/admin/diagnostics/\(r.id!.uuidString)"
                let show = try await staff.get(path)
                #expect(show.status == .ok && show.body.contains("Quincaillerie &lt;Koné&gt;") && show.body.contains("mardi 6 octobre 2026 à 09:00"))
                #expect(show.body.contains("value=\"2026-10-06\"") && show.body.contains("value=\"09:00\""), "the first slot is offered")
                let key = try await Self.staffKey(app)

                // Refused: in the past, or without an advisor; what was typed is kept and nothing is saved.
                let past = try await staff.post(path + "/planifier", ["advisor": key, "date": "2026-09-14", "time": "09:00"])
                #expect(past.status == .badRequest && past.body.contains("est déjà passé : choisissez une date à venir.") && past.body.contains("value=\"2026-09-14\""))
                let nobody = try await staff.post(path + "/planifier", ["advisor": "", "date": "2026-10-06", "time": "09:00"])
                #expect(nobody.status == .badRequest && nobody.body.contains("Choisissez le conseiller qui mène le diagnostic."))
                let stranger = try await staff.post(path + "/planifier", ["advisor": "user:\(UUID().uuidString)", "date": "2026-10-06", "time": "09:00"])
                #expect(stranger.status == .badRequest)
                #expect(try await Diagnostic.query(on: app.db).count() == 0)
                #expect(try await OutboxMessage.query(on: app.db).count() == 0)

                // Planned: both sides get the invitation.
                let planned = try await staff.post(path + "/planifier", ["advisor": key, "date": "2026-10-06", "time": "09:00"])
                #expect(planned.status == .seeOther)
                let d = try #require(try await Diagnostic.query(on: app.db).first())
                #expect(d.status == .planned && d.endsAt.timeIntervalSince(d.startsAt) == 3600 && d.sequence == 0)
                #expect(try await DiagnosticRequest.find(r.id, on: app.db)?.status == .planned)
                var mails = try await OutboxMessage.query(on: app.db).all()
                #expect(Set(mails.map(\.recipient)) == ["paul@quincaillerie.example", "staff@open.nc"])
                #expect(mails.allSatisfy { $0.subject == "Diagnostic numérique : rendez-vous le mardi 6 octobre 2026" })
                let ics = try Self.calendar(mails, to: "paul@quincaillerie.example")
                #expect(ics.contains("METHOD:REQUEST") && ics.contains("UID:\(d.calendarUID)") && ics.contains("SEQUENCE:0"))
                #expect(ics.replacingOccurrences(of: "\r\n ", with: "").contains("ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:staff@open.nc"))
                let reading = try PythonICS.read(ics)
                #expect(reading.events == 1 && reading.starts == ["2026-10-06 09:00"])

                // Moved: the same UID, the next SEQUENCE.
                try await OutboxMessage.query(on: app.db).delete()
                let moved = try await staff.post(path + "/planifier", ["advisor": key, "date": "2026-10-08", "time": "14:00"])
                #expect(moved.status == .seeOther)
                mails = try await OutboxMessage.query(on: app.db).all()
                let movedICS = try Self.calendar(mails, to: "paul@quincaillerie.example")
                #expect(movedICS.contains("UID:\(d.calendarUID)") && movedICS.contains("SEQUENCE:1") && mails.count == 2)
                #expect(try PythonICS.read(movedICS).starts == ["2026-10-08 14:00"])
                #expect(try await Diagnostic.query(on: app.db).count() == 1)

                // Cancelled: METHOD:CANCEL, still the same UID.
                try await OutboxMessage.query(on: app.db).delete()
                #expect(try await staff.post(path + "/annuler", [:]).status == .seeOther)
                mails = try await OutboxMessage.query(on: app.db).all()
                let cancelICS = try Self.calendar(mails, to: "staff@open.nc")
                #expect(cancelICS.contains("METHOD:CANCEL") && cancelICS.contains("STATUS:CANCELLED") && cancelICS.contains("SEQUENCE:2"))
                #expect(cancelICS.contains("UID:\(d.calendarUID)") && mails.count == 2)
                #expect(try await DiagnosticRequest.find(r.id, on: app.db)?.status == .cancelled)
                #expect(try PythonICS.read(cancelICS).starts.isEmpty)
            }
        }

        @Test func aPersonOfTheProgrammesConsortiumMayLeadIt() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let orgID = try await Fixtures.organisationID(app)
                let (company, person) = try await Fixtures.member(app, name: "Conseil Numérique NC")
                let outsider = try await Fixtures.member(app, name: "Hors Consortium")
                _ = try await DemoProgrammes.programme(orgID, name: "Diagnostics de maturité numérique", status: .running,
                                                                   from: FrenchDate.make(2026, 1, 1), to: FrenchDate.make(2026, 12, 31), axes: [], about: "",
                                                                   funders: [], partners: [], consortium: [try company.requireID()], on: app.db)
                let r = try await Self.request(app)
                let path = "/admin/diagnostics/\(r.id!.uuidString)"
                let show = try await staff.get(path)
                #expect(show.body.contains("value=\"person:\(person.id!.uuidString)\""), "the consortium's people are offered")
                #expect(!show.body.contains("person:\(outsider.person.id!.uuidString)"), "not the other members' people")
                #expect(try await staff.post(path + "/planifier", ["advisor": "person:\(person.id!.uuidString)", "date": "2026-10-06", "time": "09:00"]).status == .seeOther)
                let d = try #require(try await Diagnostic.query(on: app.db).first())
                #expect(d.$advisorPerson.id == person.id && d.$advisorUser.id == nil)
                #expect(Set(try await OutboxMessage.query(on: app.db).all().map(\.recipient)) == ["paul@quincaillerie.example", person.email])
            }
        }

        @Test func theReminderIsQueuedOnceTheDayBefore() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let r = try await Self.request(app)
                let key = try await Self.staffKey(app)
                _ = try await staff.post("/admin/diagnostics/\(r.id!.uuidString)/planifier", ["advisor": key, "date": "2026-09-16", "time": "09:00"])
                try await OutboxMessage.query(on: app.db).delete()
                #expect(try await DiagnosticReminders.queue(app: app, now: TestClock.now.addingTimeInterval(-3 * 86_400)) == 0, "too early")
                #expect(try await DiagnosticReminders.queue(app: app, now: TestClock.now) == 1)
                #expect(try await DiagnosticReminders.queue(app: app, now: TestClock.now) == 0, "claimed once")
                let mails = try await OutboxMessage.query(on: app.db).all()
                #expect(Set(mails.map(\.recipient)) == ["paul@quincaillerie.example", "staff@open.nc"])
                #expect(mails.allSatisfy { $0.subject == "Rappel : diagnostic numérique demain" && $0.calendar == nil })
            }
        }

        @Test func theDemoHasRequestsToPlanAndTheStaffMenuLinksThem() async throws {
            try await withGrappe(demo: true) { app in
                let manager = TestClient(app)
                try await manager.login(DemoData.managerEmail)
                let page = try await manager.get("/admin/diagnostics")
                #expect(page.body.contains("Boulangerie du Col") && page.body.contains("Quincaillerie de Koné"))
                #expect(page.body.contains("href=\"/admin/diagnostics\""), "the staff menu links the list")
                let r = try #require(try await DiagnosticRequest.query(on: app.db).filter(\.$companyName == "Boulangerie du Col").first())
                #expect(r.slotDates.count == 2 && r.slotDates.allSatisfy { $0 > TestClock.now })
            }
        }

        @Test func onlyTheStaffReachThePlanning() async throws {
            try await withGrappe { app in
                let r = try await Self.request(app)
                let path = "/admin/diagnostics/\(r.id!.uuidString)"
                let visitor = TestClient(app)
                #expect(try await visitor.get("/admin/diagnostics").location?.hasPrefix("/connexion") == true)
                _ = try await Fixtures.member(app, name: "Ma Société", login: "moi@ma-societe.example")
                let member = TestClient(app)
                try await member.login("moi@ma-societe.example", Fixtures.password)
                #expect(try await member.get(path).status == .forbidden)
                #expect(try await member.post(path + "/planifier", ["advisor": "", "date": "2026-10-06", "time": "09:00"]).status == .forbidden)
                try await Fixtures.user(app, email: "ca@open.nc", role: .board)
                let board = TestClient(app)
                try await board.login("ca@open.nc", Fixtures.password)
                #expect(try await board.get("/admin/diagnostics").status == .forbidden)
                #expect(try await Diagnostic.query(on: app.db).count() == 0)
            }
        }
    }
}
