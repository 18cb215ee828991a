import Fluent
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    @Suite struct GroupsTests {
        func group(_ app: Application, _ slug: String) async throws -> Group {
            try #require(try await Group.query(on: app.db).filter(\.$slug == slug).first())
        }

        @Test func demoMatchesTheReportsFigures() async throws {
            try await withGrappe(demo: true) { app in
                let orgID = try await Fixtures.organisationID(app)
                let stats = try await GroupQueries.stats(app.db, organisationID: orgID, year: 2025)
                func figures(_ slug: String) async throws -> GroupYearStats { stats[try await group(app, slug).requireID()] ?? GroupYearStats() }
                #expect(try await figures("cybersecurite").meetingsHeld == 11)
                #expect(try await figures("cybersecurite").averageAttendance == 10)
                #expect(try await figures("cybersecurite").members == 28)
                #expect(try await figures("formation").meetingsHeld == 7)
                #expect(try await figures("formation").averageAttendance == 6)
                #expect(try await figures("data-ia").meetingsHeld == 11)
                #expect(try await figures("data-ia").averageAttendance == 20)
                #expect(try await figures("numerique-inclusif-durable").meetingsHeld == 6)
                #expect(try await figures("numerique-inclusif-durable").members == 29)
                #expect(try await figures("numerique-inclusif-durable").activeMembers == 20)
                #expect(try await figures("club-rssi").meetingsHeld == 3)
                #expect(try await figures("club-dsi").meetingsHeld == 5)
                #expect(try await figures("club-dpo").meetingsHeld == 0)
                #expect(try await figures("club-dpo").averageAttendance == nil, "no meeting: no figure, not 0")
                #expect(try await figures("cybersecurite").volunteerMinutes == 11 * 10 * 90)
                let institutions = try await GroupQueries.institutionCounts(app.db, organisationID: orgID, year: 2025)
                #expect(institutions.map(\.0) == ["Gouvernement", "Province Sud"])
                #expect(institutions.map(\.1) == [5, 1])
                let client = TestClient(app)
                try await client.login(DemoData.managerEmail)
                let governance = try await client.get("/gouvernance?annee=2025")
                #expect(governance.body.contains("Conseil d&#39;administration"))
                #expect(governance.body.contains("Sylver SCHORGEN (SF2I)"))
                #expect(governance.body.contains("Vice-président</a> 3"))
                #expect(governance.body.contains("non (membre d&#39;honneur)"))
                #expect(governance.body.contains("lundi 20 avril 2026"))
                #expect(governance.body.contains("<th scope=\"row\">Novembre</th><td class=\"num\">2</td>"), "two board meetings in November")
                let list = try await client.get("/groupes?annee=2025")
                #expect(list.body.contains("2e jeudi du mois, 12:00–13:30"))
                #expect(list.body.contains("en sommeil"))
            }
        }

        @Test func mandatesEndingWithin90Days() async throws {
            try await withGrappe(demo: true) { app in
                let orgID = try await Fixtures.organisationID(app)
                let soon = try await MandateQueries.endingSoon(app.db, organisationID: orgID, now: FrenchDate.make(2026, 2, 1))
                #expect(soon.count == 20, "11 board seats, 2 honorary seats and 7 bureau seats end on 20 April 2026")
                #expect(try await MandateQueries.endingSoon(app.db, organisationID: orgID, now: FrenchDate.make(2025, 6, 1)).isEmpty)
            }
        }

        @Test func accessToGroupsByRole() async throws {
            try await withGrappe(demo: true) { app in
                let member = TestClient(app)
                try await member.login(DemoData.memberEmail)
                #expect(try await member.get("/groupes").status == .ok)
                #expect(try await member.get("/groupes/cybersecurite").status == .ok, "commissions are open to members")
                let clubs = try await member.get("/groupes")
                #expect(clubs.body.contains("Club des DSI"), "clubs are listed so that one can ask to join")
                #expect(!clubs.body.contains("Conseil d&#39;administration"))
                let skazyHolder = try #require(try await Person.query(on: app.db).filter(\.$email == DemoData.memberEmail).first())
                let dpo = try await group(app, "club-dpo")
                try await GroupMember.query(on: app.db).filter(\.$group.$id == dpo.requireID()).filter(\.$person.$id == skazyHolder.requireID()).delete()
                let closed = try await member.get("/groupes/club-dpo")
                #expect(closed.status == .ok)
                #expect(closed.body.contains("Ce club est fermé"))
                #expect(closed.body.contains("Demander à rejoindre le club"))
                #expect(!closed.body.contains("<h2>Membres</h2>"), "members and meetings stay hidden")
                #expect(try await member.get("/groupes/bureau").status == .forbidden)
                #expect(try await member.get("/gouvernance").status == .forbidden)
                let institutionMeeting = try #require(try await Meeting.query(on: app.db).filter(\.$group.$id == nil).first())
                #expect(try await member.get("/reunions/\(institutionMeeting.id!.uuidString)").status == .forbidden)
                let dsi = try await group(app, "club-dsi")
                try await GroupMember.query(on: app.db).filter(\.$group.$id == dsi.requireID()).filter(\.$person.$id == skazyHolder.requireID()).delete()
                let clubMeeting = try #require(try await Meeting.query(on: app.db).filter(\.$group.$id == dsi.requireID()).first())
                #expect(try await member.get("/reunions/\(clubMeeting.id!.uuidString)").status == .forbidden, "club minutes are for club members")
                let cyber = try await group(app, "cybersecurite")
                let cyberMeeting = try #require(try await Meeting.query(on: app.db).filter(\.$group.$id == cyber.requireID()).first())
                #expect(try await member.post("/reunions/\(cyberMeeting.id!.uuidString)", ["title": "Piraté", "date": "2025-01-01", "start": "12:00", "end": "13:00", "status": "held"]).status == .forbidden)
                let board = TestClient(app)
                try await board.login(DemoData.boardEmail)
                #expect(try await board.get("/gouvernance").status == .ok)
                #expect(try await board.get("/groupes/club-dpo").status == .ok)
                #expect(try await board.post("/groupes/cybersecurite/planifier", ["year": "2026"]).status == .forbidden)
            }
        }

        /// A large group lists its members fifty at a time, and beyond `PersonPicker.listLimit`
        /// people a manager adds someone by e-mail address instead of from a list.
        @Test func aLargeGroupPagesItsMembersAndPicksPeopleByAddress() async throws {
            try await withGrappe { app in
                let orgID = try await Fixtures.organisationID(app)
                let group = Group(organisationID: orgID, kind: .commission, name: "Grande commission", slug: "grande", about: "", foundedOn: nil)
                try await group.create(on: app.db)
                let people = (0..<(PersonPicker.listLimit + 10)).map { i in
                    Person(organisationID: orgID, draft: PersonDraft(firstName: "Prénom", lastName: String(format: "Nom%03d", i),
                                                                     email: "p\(i)@exemple.nc", role: ""))
                }
                try await people.create(on: app.db)
                try await people.prefix(60).map { GroupMember(groupID: try group.requireID(), personID: try $0.requireID(), role: "") }.create(on: app.db)
                let client = try await Fixtures.staffClient(app)

                let first = try await client.get("/groupes/grande")
                #expect(first.status == .ok)
                func rows(_ page: TestClient.Page) -> [String] {
                    page.body.components(separatedBy: "<tr><td>").dropFirst().map { String($0.prefix { $0 != "<" }) }.filter { $0.hasPrefix("Prénom") }
                }
                #expect(rows(first).count == 50)
                #expect(rows(first).first?.hasSuffix("Nom000") == true && rows(first).last?.hasSuffix("Nom049") == true)
                #expect(first.body.contains("Page 1 sur 2"))
                #expect(first.body.contains("name=\"person_email\""), "too many people to list: an address field")
                #expect(!first.body.contains("<option value=\"\(try people[300].requireID().uuidString)\""), "no list of everyone")
                let second = try await client.get("/groupes/grande?annee=\(TestClock.year)&page=2")
                #expect(rows(second).count == 10)
                #expect(rows(second).first?.hasSuffix("Nom050") == true && rows(second).last?.hasSuffix("Nom059") == true)

                let added = try await client.post("/groupes/grande/membres", ["person_email": "P300@exemple.nc", "role": "Membre"])
                #expect(added.status == .seeOther)
                #expect(try await client.get("/groupes/grande").body.contains("ajouté(e) au groupe"))
                #expect(try await GroupMember.query(on: app.db).filter(\.$group.$id == group.requireID()).count() == 61)
                let unknown = try await client.post("/groupes/grande/membres", ["person_email": "inconnu@exemple.nc"])
                #expect(try await client.get(unknown.location ?? "").body.contains("Choisissez une personne."))
                #expect(try await GroupMember.query(on: app.db).filter(\.$group.$id == group.requireID()).count() == 61)
            }
        }

        @Test func staffRunAGroupMeetingFromPlanToMinutes() async throws {
            try await withGrappe { app in
                let orgID = try await Fixtures.organisationID(app)
                let group = Group(organisationID: orgID, kind: .commission, name: "Commission Test", slug: "test", about: "", foundedOn: nil)
                group.rule = try MeetingRule(ordinal: .last, weekday: 5, start: 720, end: 810)
                try await group.create(on: app.db)
                let a = try await Fixtures.member(app, name: "Alpha")
                let b = try await Fixtures.member(app, name: "Beta")
                let client = try await Fixtures.staffClient(app)
                #expect(try await client.get("/groupes/test").body.contains("dernier jeudi du mois, 12:00–13:30"))
                for person in [a.person, b.person] {
                    #expect(try await client.post("/groupes/test/membres", ["person": person.id!.uuidString, "role": "Membre"]).status == .seeOther)
                }
                let planned = try await client.post("/groupes/test/planifier", ["year": "2026"])
                #expect(try await client.get(planned.location!).body.contains("12 réunions 2026 planifiées"))
                let again = try await client.post("/groupes/test/planifier", ["year": "2026"])
                #expect(try await client.get(again.location!).body.contains("existent déjà"))
                let meetings = try await Meeting.query(on: app.db).filter(\.$group.$id == group.requireID()).sort(\.$startsAt).all()
                #expect(meetings.count == 12)
                #expect(FrenchDate.iso(meetings[0].startsAt) == "2026-01-29")
                let id = meetings[0].id!.uuidString
                let bad = try await client.post("/reunions/\(id)", ["title": "", "date": "2026-01-29", "start": "13:00", "end": "12:00", "status": "held"])
                #expect(bad.status == .badRequest)
                #expect(bad.body.contains("L&#39;objet est obligatoire.") && bad.body.contains("La fin doit suivre le début."))
                let moved = try await client.post("/reunions/\(id)", ["title": "Réunion de janvier", "date": "2026-01-22", "start": "12:00", "end": "14:00",
                                                                       "status": "held", "agenda": "<script>alert(1)</script> Budget", "minutes": "Décisions prises."])
                #expect(moved.status == .seeOther)
                let page = try await client.get("/reunions/\(id)")
                #expect(page.body.contains("jeudi 22 janvier 2026"))
                #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt; Budget"))
                #expect(!page.body.contains("<script>alert(1)"))
                let marked = try await client.post("/reunions/\(id)/presences", ["p_\(a.person.id!.uuidString)": "present", "p_\(b.person.id!.uuidString)": "excused"])
                #expect(marked.status == .seeOther)
                let stats = try await GroupQueries.stats(app.db, organisationID: orgID, year: 2026)[group.requireID()]
                #expect(stats?.meetingsHeld == 1)
                #expect(stats?.averageAttendance == 1)
                #expect(stats?.volunteerMinutes == 120)
                let invalid = try await client.post("/reunions/\(id)/presences", ["p_\(a.person.id!.uuidString)": "peut-être"])
                #expect(try await client.get(invalid.location!).body.contains("Présence invalide."))
                #expect(try await client.post("/reunions/\(id)/presences", ["p_\(UUID().uuidString)": "present"]).status == .badRequest)
                #expect(try await client.post("/groupes/test/membres/\(b.person.id!.uuidString)/actif").status == .seeOther)
                #expect(try await GroupQueries.stats(app.db, organisationID: orgID, year: 2026)[group.requireID()]?.activeMembers == 1)
            }
        }

        @Test func closedClubJoinRequestDecidedByItsLead() async throws {
            try await withGrappe { app in
                let orgID = try await Fixtures.organisationID(app)
                let club = Group(organisationID: orgID, kind: .club, name: "Club des RSSI", slug: "club-rssi", about: "", foundedOn: nil)
                try await club.create(on: app.db)
                let other = Group(organisationID: orgID, kind: .club, name: "Club des DSI", slug: "club-dsi", about: "", foundedOn: nil)
                try await other.create(on: app.db)
                let lead = try await Fixtures.member(app, name: "Chef", login: "chef@chef.example")
                try await GroupMember(groupID: club.requireID(), personID: lead.person.requireID(), lead: true).create(on: app.db)
                let applicant = try await Fixtures.member(app, name: "Postulant", login: "moi@postulant.example")
                let meeting = Meeting(organisationID: orgID, groupID: try club.requireID(), title: "Réunion secrète",
                                      startsAt: FrenchDate.at(FrenchDate.make(2025, 4, 10), minutes: 720), endsAt: FrenchDate.at(FrenchDate.make(2025, 4, 10), minutes: 810), status: .held)
                try await meeting.create(on: app.db)

                let asker = TestClient(app)
                try await asker.login("moi@postulant.example", Fixtures.password)
                #expect(try await asker.get("/reunions/\(meeting.id!.uuidString)").status == .forbidden)
                #expect(try await asker.post("/groupes/club-rssi/rejoindre", ["message": "Je suis RSSI <b>certifié</b>."]).status == .seeOther)
                #expect(try await asker.get("/groupes/club-rssi").body.contains("en attente"))
                let mail = try #require(try await OutboxMessage.query(on: app.db).filter(\.$kind == "club_request").first())
                #expect(mail.recipient == "chef@chef.example")
                #expect(try await asker.post("/groupes/club-rssi/demandes/\(applicant.person.id!.uuidString)/accepter").status == .forbidden, "no self-approval")

                let chief = TestClient(app)
                try await chief.login("chef@chef.example", Fixtures.password)
                let page = try await chief.get("/groupes/club-rssi")
                #expect(page.body.contains("Demandes d'adhésion"))
                #expect(try await chief.post("/groupes/club-dsi/demandes/\(applicant.person.id!.uuidString)/accepter").status == .forbidden, "a lead runs only their club")
                #expect(try await chief.post("/groupes/club-rssi/demandes/\(applicant.person.id!.uuidString)/accepter").status == .seeOther)
                #expect(try await OutboxMessage.query(on: app.db).filter(\.$kind == "club_decision").filter(\.$recipient == "moi@postulant.example").count() == 1)
                #expect(try await asker.get("/reunions/\(meeting.id!.uuidString)").status == .ok, "admitted: the minutes are visible")
                // The lead runs the club's meetings; the new member does not.
                let marked = try await chief.post("/reunions/\(meeting.id!.uuidString)/presences", ["p_\(applicant.person.id!.uuidString)": "present"])
                #expect(marked.status == .seeOther)
                #expect(try await asker.post("/reunions/\(meeting.id!.uuidString)/presences", ["p_\(applicant.person.id!.uuidString)": "absent"]).status == .forbidden)
                #expect(try await chief.post("/reunions", ["group": "club-dsi", "title": "x", "date": "2025-05-01", "start": "12:00", "end": "13:00"]).status == .forbidden)
                #expect(try await chief.post("/reunions", ["group": "club-rssi", "title": "Réunion de mai", "date": "2025-05-01", "start": "12:00", "end": "13:00"]).status == .seeOther)
                // The lead adds volunteer time for their club; the new member cannot.
                let time = try await chief.post("/groupes/club-rssi/benevolat", ["person": applicant.person.id!.uuidString, "activity": "Veille", "date": "2025-05-02", "hours": "3"])
                #expect(time.status == .seeOther)
                #expect(try await VolunteerEntry.query(on: app.db).filter(\.$group.$id == club.requireID()).first()?.minutes == 180)
                let stranger = try await Fixtures.member(app, name: "Externe")
                let outsider = try await chief.post("/groupes/club-rssi/benevolat", ["person": stranger.person.id!.uuidString, "activity": "x", "date": "2025-05-02", "hours": "1"])
                #expect(try await chief.get(outsider.location!).body.contains("ne fait pas partie du groupe"))
                #expect(try await asker.post("/groupes/club-rssi/benevolat", ["person": applicant.person.id!.uuidString, "activity": "x", "date": "2025-05-02", "hours": "3"]).status == .forbidden)
                #expect(try await chief.post("/groupes/club-dsi/benevolat", ["person": applicant.person.id!.uuidString, "activity": "x", "date": "2025-05-02", "hours": "3"]).status == .forbidden)
            }
        }

        @Test func institutionMeetingsAreCountedPerInstitution() async throws {
            try await withGrappe { app in
                let client = try await Fixtures.staffClient(app)
                let missing = try await client.post("/reunions", ["institution": "", "title": "Point", "date": "2025-03-01", "start": "09:00", "end": "10:00"])
                #expect(try await client.get(missing.location!).body.contains("Indiquez l&#39;institution."))
                for date in ["2025-03-01", "2025-04-01"] {
                    #expect(try await client.post("/reunions", ["institution": "Vice-rectorat", "title": "Semaine du numérique", "date": date, "start": "09:00", "end": "10:00"]).status == .seeOther)
                }
                let page = try await client.get("/gouvernance?annee=2025")
                #expect(page.body.contains("<td>Vice-rectorat</td><td class=\"num\">2</td>"))
                #expect(try await Meeting.query(on: app.db).filter(\.$status == .held).count() == 2, "past meetings are recorded as held")
            }
        }
    }
}

extension AppTests {
    @Suite struct VolunteerTests {
        @Test func demoYearAddsUpTo1500Hours() async throws {
            try await withGrappe(demo: true) { app in
                let orgID = try await Fixtures.organisationID(app)
                #expect(try await VolunteerQueries.total(app.db, organisationID: orgID, year: 2025) == 1_500 * 60)
                #expect(try await VolunteerQueries.total(app.db, organisationID: orgID, year: 2024) == 0)
                let client = TestClient(app)
                try await client.login(DemoData.managerEmail)
                let page = try await client.get("/benevolat?annee=2025")
                #expect(page.body.contains("1\u{202F}500 h"))
                #expect(try await client.get("/benevolat?annee=2024").body.contains("pas de donnée"))
                let csv = try await client.get("/benevolat/export.csv?annee=2025")
                #expect(csv.body.hasPrefix("\u{FEFF}personne;minutes;heures"))
            }
        }

        @Test func entriesAndAttendanceFollowTheRecords() async throws {
            try await withGrappe { app in
                let orgID = try await Fixtures.organisationID(app)
                let a = try await Fixtures.member(app, name: "Bénévole SARL")
                let client = try await Fixtures.staffClient(app)
                let bad = try await client.post("/benevolat", ["person": a.person.id!.uuidString, "activity": "", "date": "2025-13-01", "hours": "beaucoup"])
                #expect(bad.status == .badRequest)
                #expect(bad.body.contains("Décrivez l&#39;activité.") && bad.body.contains("Date invalide.") && bad.body.contains("Durée invalide"))
                #expect(try await VolunteerEntry.query(on: app.db).count() == 0)
                let ok = try await client.post("/benevolat", ["person": a.person.id!.uuidString, "activity": "Atelier <b>cyber</b>", "date": "2025-05-10", "hours": "2h30"])
                #expect(ok.status == .seeOther)
                #expect(try await VolunteerQueries.total(app.db, organisationID: orgID, year: 2025) == 150)
                let meeting = Meeting(organisationID: orgID, groupID: nil, institution: "Gouvernement", title: "Point", startsAt: FrenchDate.at(FrenchDate.make(2025, 6, 1), minutes: 540),
                                      endsAt: FrenchDate.at(FrenchDate.make(2025, 6, 1), minutes: 600), status: .held)
                try await meeting.create(on: app.db)
                try await Attendance(meetingID: meeting.requireID(), personID: a.person.requireID(), status: .present).create(on: app.db)
                #expect(try await VolunteerQueries.total(app.db, organisationID: orgID, year: 2025) == 210)
                let companies = try await VolunteerQueries.perCompany(app.db, organisationID: orgID, year: 2025)
                #expect(companies.map(\.name) == ["Bénévole SARL"])
                #expect(companies.first?.minutes == 210)
                let page = try await client.get("/benevolat?annee=2025")
                #expect(page.body.contains("3 h 30"))
                let board = TestClient(app)
                try await Fixtures.user(app, email: "ca@open.nc", role: .board)
                try await board.login("ca@open.nc", Fixtures.password)
                #expect(try await board.get("/benevolat").status == .ok)
                #expect(try await board.post("/benevolat", ["person": a.person.id!.uuidString, "activity": "x", "date": "2025-05-10", "hours": "1"]).status == .forbidden)
            }
        }
    }
}

extension AppTests {
    @Suite struct GroupFormTests {
        @Test func staffCreateAGroupAndLeadsEditIt() async throws {
            try await withGrappe { app in
                let client = try await Fixtures.staffClient(app)
                #expect(try await client.get("/groupes/nouveau").status == .ok)
                let bad = try await client.post("/groupes", ["name": "", "kind": "secte", "founded": "1800", "ordinal": "2", "weekday": "5", "start": "13:00", "end": "12:00"])
                #expect(bad.status == .badRequest)
                #expect(bad.body.contains("Le nom est obligatoire.") && bad.body.contains("Type inconnu.") && bad.body.contains("Une année entre 1990 et 2100."))
                let created = try await client.post("/groupes", ["name": "Commission Spatiale", "kind": "commission", "description": "Satellites",
                                                                 "projects": "Cubesat\nStation sol", "founded": "2026", "active": "1",
                                                                 "ordinal": "-1", "weekday": "4", "start": "17:00", "end": "18:30"])
                #expect(created.location == "/groupes/commission-spatiale")
                let page = try await client.get("/groupes/commission-spatiale")
                #expect(page.body.contains("dernier mercredi du mois, 17:00–18:30"))
                #expect(page.body.contains("<li>Station sol</li>"))
                #expect(page.body.contains("créé(e) en 2026"))
                let group = try #require(try await Group.query(on: app.db).filter(\.$slug == "commission-spatiale").first())
                let lead = try await Fixtures.member(app, name: "Cheffe", login: "cheffe@c.example")
                try await GroupMember(groupID: group.requireID(), personID: lead.person.requireID(), lead: true).create(on: app.db)
                let leadClient = TestClient(app)
                try await leadClient.login("cheffe@c.example", Fixtures.password)
                #expect(try await leadClient.get("/groupes/commission-spatiale/modifier").status == .ok)
                let edited = try await leadClient.post("/groupes/commission-spatiale/modifier", ["name": "Commission Spatiale", "kind": "club",
                                                                                                 "description": "Satellites et lanceurs", "active": "1", "ordinal": ""])
                #expect(edited.status == .seeOther)
                let saved = try #require(try await Group.find(group.id, on: app.db))
                #expect(saved.kind == .commission, "only staff change the kind")
                #expect(saved.rule == nil)
                #expect(saved.about == "Satellites et lanceurs")
                #expect(try await leadClient.get("/groupes/nouveau").status == .forbidden)
            }
        }
    }
}

extension AppTests {
    @Suite struct MandateTests {
        @Test func recordEndAndReadTheHistory() async throws {
            try await withGrappe(demo: true) { app in
                let client = TestClient(app)
                try await client.login(DemoData.managerEmail)
                let board = try #require(try await Group.query(on: app.db).filter(\.$kind == .board).first())
                let eve = try #require(try await Person.query(on: app.db).filter(\.$lastName == "CHIAPELLO").first())
                let bad = try await client.post("/gouvernance/mandats", ["group": board.id!.uuidString, "person": eve.id!.uuidString, "role": "roi", "elected": "hier", "term": "30"])
                #expect(try await client.get(bad.location!).body.contains("Mandat non enregistré"))
                let ok = try await client.post("/gouvernance/mandats", ["group": board.id!.uuidString, "person": eve.id!.uuidString, "role": "president",
                                                                        "elected": "2026-04-23", "term": "3", "rank": "0"])
                #expect(ok.status == .seeOther)
                let newMandate = try #require(try await Mandate.query(on: app.db).filter(\.$role == .president).filter(\.$person.$id == eve.requireID()).first())
                #expect(FrenchDate.iso(newMandate.endsOn) == "2029-04-23")
                let history = try await client.get("/gouvernance/mandats?role=president")
                #expect(history.body.contains("Eve CHIAPELLO") && history.body.contains("Sylver SCHORGEN"), "both presidents, newest first")
                #expect(history.body.range(of: "Eve CHIAPELLO")!.lowerBound < history.body.range(of: "Sylver SCHORGEN")!.lowerBound)
                let perPerson = try await client.get("/gouvernance/mandats?personne=\(eve.id!.uuidString)")
                #expect(perPerson.body.contains("Vice-président") && perPerson.body.contains("Président"))
                let early = try await client.post("/gouvernance/mandats/\(newMandate.id!.uuidString)/terminer", ["date": "2027-01-31"])
                #expect(early.status == .seeOther)
                #expect(FrenchDate.iso(try #require(try await Mandate.find(newMandate.id, on: app.db)).endsOn) == "2027-01-31")
                let invalid = try await client.post("/gouvernance/mandats/\(newMandate.id!.uuidString)/terminer", ["date": "2020-01-01"])
                #expect(try await client.get(invalid.location!).body.contains("Date de fin invalide"))
                let boardClient = TestClient(app)
                try await boardClient.login(DemoData.boardEmail)
                #expect(try await boardClient.get("/gouvernance/mandats").status == .ok)
                #expect(try await boardClient.post("/gouvernance/mandats", ["group": board.id!.uuidString]).status == .forbidden)
            }
        }
    }
}
