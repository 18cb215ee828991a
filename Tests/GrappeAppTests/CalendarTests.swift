import Fluent
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// The feeds are read back by a real iCalendar parser (Python's icalendar + dateutil).
    @Suite struct CalendarTests {
        func localStarts(_ meetings: [Meeting]) -> [String] {
            meetings.filter { $0.status != .cancelled }
                .map { "\(FrenchDate.iso($0.startsAt)) \(FrenchDate.clock($0.startsAt))" }.sorted()
        }

        @Test func commissionFeedExpandsToItsMeetings() async throws {
            try await withGrappe(demo: true) { app in
                let cyber = try #require(try await Group.query(on: app.db).filter(\.$slug == "cybersecurite").first())
                let meetings = try await Meeting.query(on: app.db).filter(\.$group.$id == cyber.requireID()).sort(\.$startsAt).all()
                // Move one meeting off the rule and cancel another: the feed must say so.
                meetings[3].reschedule(start: meetings[3].startsAt.addingTimeInterval(7 * 86400), end: meetings[3].endsAt.addingTimeInterval(7 * 86400))
                try await meetings[3].save(on: app.db)
                meetings[5].status = .cancelled
                try await meetings[5].save(on: app.db)
                let page = try await TestClient(app).get("/agenda/groupes/cybersecurite.ics")
                #expect(page.status == .ok)
                #expect(page.headers.first(name: .contentType)?.hasPrefix("text/calendar") == true)
                #expect(page.body.contains("RRULE:FREQ=MONTHLY;BYDAY=2TH"))
                let reading = try PythonICS.read(page.body)
                #expect(reading.name == "Commission Cybersécurité")
                #expect(reading.starts == localStarts(meetings), "a calendar application sees exactly the meetings")
                #expect(reading.events == 2, "one recurring series plus the moved meeting")
                #expect(try await TestClient(app).get("/agenda/groupes/club-dsi.ics").status == .notFound, "closed clubs have no public feed")
                #expect(try await TestClient(app).get("/agenda/groupes/inconnu.ics").status == .notFound)
            }
        }

        @Test func publicEventsFeed() async throws {
            try await withGrappe(demo: true) { app in
                let page = try await TestClient(app).get("/agenda/evenements.ics")
                #expect(page.status == .ok)
                let reading = try PythonICS.read(page.body)
                let events = try await ClusterEvent.query(on: app.db).filter(\.$audience == .everyone).filter(\.$status ~~ [.planned, .done]).all()
                #expect(reading.starts == events.map { "\(FrenchDate.iso($0.startsAt)) \(FrenchDate.clock($0.startsAt))" }.sorted())
                #expect(!page.body.contains("Assemblée générale"), "members-only events stay out of the public feed")
            }
        }

        @Test func personalFeedThroughASecretLinkThatCanBeReset() async throws {
            try await withGrappe(demo: true) { app in
                let client = TestClient(app)
                try await client.login(DemoData.memberEmail)
                let settings = try await client.get("/compte/agenda")
                #expect(settings.status == .ok)
                let user = try #require(try await User.query(on: app.db).filter(\.$email == DemoData.memberEmail).first())
                let token = try #require(user.calendarToken)
                #expect(settings.body.contains("/agenda/personnel/\(token).ics"))
                let upcoming = try #require(try await ClusterEvent.query(on: app.db).filter(\.$status == .planned).first())
                if try await Registration.query(on: app.db).filter(\.$event.$id == upcoming.requireID()).filter(\.$email == DemoData.memberEmail).count() == 0 {
                    try await RegistrationService.register(event: upcoming, personID: user.$person.id, name: "Hatem", email: DemoData.memberEmail, app: app, on: app.db)
                }
                let feed = try await TestClient(app).get("/agenda/personnel/\(token).ics")
                #expect(feed.status == .ok)
                let reading = try PythonICS.read(feed.body)
                let personID = try #require(user.$person.id)
                let groupIDs = try await GroupMember.query(on: app.db).filter(\.$person.$id == personID).filter(\.$status == .member).all().map { $0.$group.id }
                let meetings = try await Meeting.query(on: app.db).filter(\.$group.$id ~~ groupIDs).all()
                #expect(!meetings.isEmpty)
                let registered = try await Registration.query(on: app.db).filter(\.$email == DemoData.memberEmail).filter(\.$status == .confirmed).with(\.$event).all()
                let eventStarts = registered.map { "\(FrenchDate.iso($0.event.startsAt)) \(FrenchDate.clock($0.event.startsAt))" }
                #expect(reading.starts == (localStarts(meetings) + eventStarts).sorted(), "the person's groups and registrations")
                try await client.post("/compte/agenda/renouveler")
                #expect(try await TestClient(app).get("/agenda/personnel/\(token).ics").status == .notFound, "the old link stops working")
                #expect(try await TestClient(app).get("/agenda/personnel/court.ics").status == .notFound)
            }
        }
    }
}
