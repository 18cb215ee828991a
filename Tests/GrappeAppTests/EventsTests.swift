import Fluent
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    @Suite struct EventTests {
        func event(_ app: Application, title: String = "Afterwork test", capacity: Int = 0, audience: ClusterEvent.Audience = .everyone,
                   status: EventStatus = .planned, inDays days: Double = 10) async throws -> ClusterEvent {
            let start = TestClock.now.addingTimeInterval(days * 86400)
            let e = ClusterEvent(organisationID: try await Fixtures.organisationID(app), kind: .afterwork, title: title, startsAt: start,
                                 endsAt: start.addingTimeInterval(7200), capacity: capacity, audience: audience, status: status)
            try await e.create(on: app.db)
            return e
        }

        @Test func publicAgendaShowsOnlyWhatThePublicMaySee() async throws {
            try await withGrappe(demo: true) { app in
                let visitor = TestClient(app)
                let list = try await visitor.get("/evenements")
                #expect(list.status == .ok)
                #expect(list.body.contains("Afterwork de fin d&#39;année 2026"))
                #expect(list.body.contains("Bilan du programme Les Tremplins"))
                #expect(!list.body.contains("Assemblée générale 2025"), "members-only events are not public")
                #expect(!list.body.contains("Croissant numérique</a>"), "events on standby are not listed")
                let ag = try #require(try await ClusterEvent.query(on: app.db).filter(\.$kind == .generalAssembly).first())
                let refused = try await visitor.get("/evenements/\(ag.id!.uuidString)")
                #expect(refused.status == .seeOther)
                #expect(refused.location?.hasPrefix("/connexion") == true)
                let member = TestClient(app)
                try await member.login(DemoData.memberEmail)
                #expect(try await member.get("/evenements").body.contains("Assemblée générale 2025"))
                #expect(try await member.get("/evenements/\(ag.id!.uuidString)").body.contains("Les inscriptions sont fermées"))
            }
        }

        @Test func guestsRegisterThenTheWaitingListMovesUp() async throws {
            try await withGrappe { app in
                let e = try await event(app, capacity: 2)
                let path = "/evenements/\(e.id!.uuidString)"
                let guest = TestClient(app)
                #expect(try await guest.get(path).body.contains("name=\"email\""), "guests get the name and email form")
                let bad = try await guest.post(path + "/inscription", ["name": "", "email": "pas-un-email"])
                #expect(bad.status == .badRequest)
                #expect(bad.body.contains("Votre nom est obligatoire.") && bad.body.contains("Adresse e-mail invalide."))
                let bot = try await guest.post(path + "/inscription", ["name": "Bot", "email": "bot@spam.example", "contact_url": "http://spam"])
                #expect(bot.status == .seeOther)
                #expect(try await Registration.query(on: app.db).count() == 0, "the honeypot keeps bots out")
                for (name, email) in [("Ana", "ana@a.example"), ("Ben", "ben@b.example"), ("Chloé", "chloe@c.example")] {
                    #expect(try await guest.post(path + "/inscription", ["name": name, "email": email]).status == .seeOther)
                }
                let again = try await guest.post(path + "/inscription", ["name": "Ana", "email": "ANA@a.example"])
                #expect(again.body.contains("déjà inscrite"))
                let all = try await Registration.query(on: app.db).sort(\.$createdAt).all()
                #expect(all.map(\.status) == [.confirmed, .confirmed, .waitlisted])
                #expect(try await OutboxMessage.query(on: app.db).filter(\.$kind == "event_waitlist").filter(\.$recipient == "chloe@c.example").count() == 1)
                let confirmation = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "ana@a.example").first())
                #expect(confirmation.kind == "event_confirmation")
                let link = try #require(confirmation.body.split(separator: "\n").first { $0.contains("/inscriptions/") })
                let cancelPath = String(link[link.range(of: "/inscriptions/")!.lowerBound...])
                #expect(try await guest.get(cancelPath).body.contains("Libérer ma place"))
                #expect(try await guest.post(cancelPath).status == .seeOther)
                let after = try await Registration.query(on: app.db).sort(\.$createdAt).all()
                #expect(after.map(\.status) == [.cancelled, .confirmed, .confirmed], "Chloé moves up")
                #expect(try await OutboxMessage.query(on: app.db).filter(\.$kind == "event_promotion").filter(\.$recipient == "chloe@c.example").count() == 1)
                #expect(try await guest.get("/inscriptions/\(String(repeating: "x", count: 30))/annuler").status == .notFound)
            }
        }

        @Test func membersRegisterInOneClick() async throws {
            try await withGrappe { app in
                let e = try await event(app, audience: .members)
                _ = try await Fixtures.member(app, name: "Moi", login: "moi@moi.example")
                let client = TestClient(app)
                try await client.login("moi@moi.example", Fixtures.password)
                let path = "/evenements/\(e.id!.uuidString)"
                #expect(try await client.post(path + "/inscription").status == .seeOther)
                #expect(try await client.get(path).body.contains("Vous êtes inscrit(e)"))
                let registration = try #require(try await Registration.query(on: app.db).first())
                #expect(registration.email == "moi@moi.example")
                #expect(registration.$person.id != nil)
                #expect(try await client.post(path + "/desinscription").status == .seeOther)
                #expect(try await Registration.query(on: app.db).first()?.status == .cancelled)
                #expect(try await client.get(path + "/accueil").status == .forbidden)
                #expect(try await client.get("/evenements/nouveau").status == .forbidden)
            }
        }

        @Test func staffCreateEditAndCheckIn() async throws {
            try await withGrappe { app in
                let client = try await Fixtures.staffClient(app)
                #expect(try await client.get("/evenements/nouveau").status == .ok)
                let bad = try await client.post("/evenements", ["title": "", "kind": "rave", "date": "demain", "start": "18:00", "end": "17:00",
                                                                "capacity": "-4", "audience": "public", "status": "planned"])
                #expect(bad.status == .badRequest)
                for message in ["Le titre est obligatoire.", "Type inconnu.", "Date invalide.", "La fin doit suivre le début.", "Un nombre de places"] {
                    #expect(bad.body.contains(message), "\(message)")
                }
                let created = try await client.post("/evenements", [("title", "Croissant <chez> SKAZY"), ("kind", "croissant"), ("date", "2030-03-05"),
                                                                     ("start", "07:30"), ("end", "09:00"), ("capacity", "1"), ("audience", "public"),
                                                                     ("status", "planned"), ("axes[]", "2"), ("axes[]", "4"), ("description", "<script>x</script>")])
                #expect(created.status == .seeOther)
                let e = try #require(try await ClusterEvent.query(on: app.db).first())
                #expect(e.axes == [.network, .promotion])
                let page = try await client.get(created.location!)
                #expect(page.body.contains("Croissant &lt;chez&gt; SKAZY"))
                #expect(!page.body.contains("<script>x"))
                #expect(page.body.contains("2. L&#39;animation du réseau"))
                let path = "/evenements/\(e.id!.uuidString)"
                let guest = TestClient(app)
                try await guest.post(path + "/inscription", ["name": "Un", "email": "un@x.example"])
                try await guest.post(path + "/inscription", ["name": "Deux <b>", "email": "deux@x.example"])
                #expect(try await Registration.query(on: app.db).filter(\.$status == .waitlisted).count() == 1)
                // More seats: the waiting list moves up.
                var fields = EventForm.state(e).values
                fields["capacity"] = "5"
                #expect(try await client.post(path, fields).status == .seeOther)
                #expect(try await Registration.query(on: app.db).filter(\.$status == .confirmed).count() == 2)
                let checkin = try await client.get(path + "/accueil")
                #expect(checkin.body.contains("0 arrivé sur 2 inscrits"))
                #expect(checkin.body.contains("Deux &lt;b&gt;"))
                let first = try #require(try await Registration.query(on: app.db).filter(\.$email == "un@x.example").first())
                #expect(try await client.post(path + "/accueil/\(first.id!.uuidString)").status == .seeOther)
                #expect(try await client.get(path + "/accueil").body.contains("1 arrivé sur 2 inscrits"))
            }
        }

        @Test func remindersGoOutOnceTheDayBefore() async throws {
            try await withGrappe { app in
                let soon = try await event(app, title: "Demain", inDays: 0.5)
                let later = try await event(app, title: "Plus tard", inDays: 10)
                for (e, email) in [(soon, "a@x.example"), (later, "b@x.example")] {
                    try await RegistrationService.register(event: e, personID: nil, name: "X", email: email, app: app, on: app.db)
                }
                #expect(try await RegistrationService.queueReminders(app: app, now: TestClock.now) == 1)
                #expect(try await RegistrationService.queueReminders(app: app, now: TestClock.now) == 0, "only once")
                let reminder = try #require(try await OutboxMessage.query(on: app.db).filter(\.$kind == "event_reminder").first())
                #expect(reminder.recipient == "a@x.example")
                #expect(reminder.subject == "Rappel : Demain")
            }
        }
    }
}
