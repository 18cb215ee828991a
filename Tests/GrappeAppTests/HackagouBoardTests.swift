import Fluent
import Foundation
import GrappeDomain
import SQLKit
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// The boards: overall and per bracket, the freeze (players see the board as it stood, staff
    /// the live one), the big screen, the CTFtime feed; and the staff's tools for an edition.
    @Suite struct HackagouBoardTests {
        /// Records a solve at `at` straight in the tables, as the attempt desk would.
        static func solve(_ app: Application, _ p: CTFFixtures.Player, _ c: CTFChallenge, at: Date) async throws {
            try await app.db.sql.raw("""
                INSERT INTO ctf_solves (edition_id, challenge_id, team_id, player_id, created_at)
                VALUES (\(bind: p.player.$edition.id), \(bind: try c.requireID()), \(bind: p.teamID), \(bind: try p.player.requireID()), \(bind: at))
                """).run()
            try await CTFVersion.bump(p.player.$edition.id, on: app.db)
        }

        @Test func theFrozenBoardHidesLateSolvesFromPlayersNotFromStaff() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app, freezeAt: CTFFixtures.at(9))
                let a = try await CTFFixtures.challenge(app, edition: e, name: "A", flag: "A")
                let b = try await CTFFixtures.challenge(app, edition: e, name: "B", flag: "B", scoring: .fixed(300))
                let early = try await CTFFixtures.player(app, edition: e, pseudonym: "early", email: "early@unc.example", team: "Lève-tôt <script>")
                let late = try await CTFFixtures.player(app, edition: e, pseudonym: "late", email: "late@unc.example", team: "Couche-tard")
                try await Self.solve(app, early, a, at: CTFFixtures.at(8, 30))
                try await Self.solve(app, late, b, at: CTFFixtures.at(9, 30))
                let visitor = TestClient(app)
                let board = try await visitor.get("/hackagou/2026/classement")
                #expect(board.status == .ok && board.body.contains("Classement gelé depuis 09:00"))
                #expect(board.body.contains("Lève-tôt &lt;script&gt;") && !board.body.contains("Lève-tôt <script>"))
                #expect(!board.body.contains("Couche-tard"), "the solve after the freeze is not shown")
                #expect(board.body.contains("<svg") && board.body.contains("<title id=\"ctf-chart-title\">"))
                let feed = try JSONSerialization.jsonObject(with: Data(try await visitor.get("/hackagou/2026/ctftime.json").body.utf8)) as? [String: Any]
                let standings = try #require(feed?["standings"] as? [[String: Any]])
                #expect(standings.count == 1 && standings[0]["team"] as? String == "Lève-tôt <script>" && standings[0]["pos"] as? Int == 1)
                let staff = try await Fixtures.staffClient(app)
                let live = try await staff.get("/hackagou/2026/classement")
                #expect(live.body.contains("Couche-tard") && !live.body.contains("Classement gelé"))
                let screen = try await visitor.get("/hackagou/2026/ecran")
                #expect(screen.body.contains("http-equiv=\"refresh\"") && screen.body.contains("data-live=\"5\""))
            }
        }

        @Test func bracketsRankTheirOwnTeamsAndTiesGoToTheFirst() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app)
                let pro = try #require(e.brackets.first { !$0.student }?.id)
                let a = try await CTFFixtures.challenge(app, edition: e, name: "A", flag: "A")
                let first = try await CTFFixtures.player(app, edition: e, pseudonym: "s1", email: "s1@unc.example", team: "Étudiants 1")
                let second = try await CTFFixtures.player(app, edition: e, pseudonym: "s2", email: "s2@unc.example", team: "Étudiants 2")
                let company = try await CTFFixtures.player(app, edition: e, pseudonym: "p1", email: "p1@societe.example", team: "Pros")
                try await app.db.sql.raw("UPDATE ctf_teams SET bracket_id = \(bind: pro) WHERE id = \(bind: company.teamID)").run()
                try await Self.solve(app, second, a, at: CTFFixtures.at(9, 5))
                try await Self.solve(app, first, a, at: CTFFixtures.at(9, 1))
                try await Self.solve(app, company, a, at: CTFFixtures.at(9, 10))
                let client = TestClient(app)
                let all = try JSONSerialization.jsonObject(with: Data(try await client.get("/api/v1/scoreboard").body.utf8)) as? [String: Any]
                let names = (all?["data"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
                #expect(names == ["Étudiants 1", "Étudiants 2", "Pros"], "equal scores: whoever got there first")
                let pros = try await client.get("/hackagou/2026/classement?tranche=\(pro)")
                #expect(pros.body.contains("Pros") && !pros.body.contains("Étudiants 1"))
                let byAPI = try JSONSerialization.jsonObject(with: Data(try await client.get("/api/v1/scoreboard?bracket_id=\(pro)").body.utf8)) as? [String: Any]
                #expect((byAPI?["data"] as? [[String: Any]])?.first?["pos"] as? Int == 1)
            }
        }

        @Test func staffRunAnEditionFromItsPages() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                try await staff.get("/admin/hackagou")
                let bad = try await staff.post("/admin/hackagou", ["number": "5", "year": "2026", "theme": "", "place": "Païta", "date": "2026-10-10",
                                                                   "start": "09:00", "end": "08:00", "regOpens": "2026-09-01", "regCloses": "2026-10-09", "teamSize": "4"])
                #expect(bad.status == .badRequest && bad.body.contains("Indiquez le thème") && bad.body.contains("La fin doit suivre le début."))
                #expect(try await CTFEdition.query(on: app.db).count() == 0)
                let created = try await staff.post("/admin/hackagou", ["number": "5", "year": "2026", "theme": "L'Océan", "place": "Arène du Sud", "date": "2026-09-15",
                                                                       "start": "08:00", "end": "18:00", "freeze": "17:00", "regOpens": "2026-09-01", "regCloses": "2026-09-15",
                                                                       "teamSize": "4", "brackets": "* Étudiants\nProfessionnels"])
                #expect(created.status == .seeOther && created.location == "/admin/hackagou/2026")
                let e = try #require(try await CTFEditions.byYear(app.db, organisationID: try await Fixtures.organisationID(app), year: 2026))
                #expect(e.status == .draft && e.brackets.count == 2 && e.brackets.contains { $0.name == "Étudiants" && $0.student })
                #expect(try await ClusterEvent.find(e.$event.id, on: app.db)?.kind == .ctf, "the edition is in the calendar")

                let newChallenge = try await staff.post("/admin/hackagou/2026/defis", ["category": "Web", "name": "Lagon", "about": "Le **lagon**",
                                                                                        "scoring": "linear", "initial": "500", "decay": "50", "minimum": "100",
                                                                                        "maxAttempts": "0", "state": "visible", "position": "1", "tags": "facile, web"])
                #expect(newChallenge.status == .seeOther)
                let c = try #require(try await CTFChallenge.query(on: app.db).filter(\.$name == "Lagon").with(\.$tags).first())
                #expect(c.scoring == .linear(initial: 500, decay: 50, minimum: 100) && c.tags.map(\.value).sorted() == ["facile", "web"])
                let badFlag = try await staff.post("/admin/hackagou/2026/defis/\(try c.requireID())/flags", ["kind": "regex", "content": "HACKAGOU{[a-z"])
                #expect(badFlag.status == .badRequest && badFlag.body.contains("L&#39;expression régulière du flag est invalide."))
                let flag = try await staff.post("/admin/hackagou/2026/defis/\(try c.requireID())/flags", ["kind": "regex", "content": "HACKAGOU\\{[a-z]+\\}"])
                #expect(flag.status == .seeOther)
                #expect(try await CTFFlag.query(on: app.db).count() == 1)

                let moved = try await staff.post("/admin/hackagou/2026/statut", ["vers": "registration"])
                #expect(moved.status == .seeOther)
                let skip = try await staff.post("/admin/hackagou/2026/statut", ["vers": "ended"])
                #expect(try await staff.get(skip.location ?? "/").body.contains("Ce changement d&#39;état n&#39;est pas possible"))
                _ = try await staff.post("/admin/hackagou/2026/statut", ["vers": "running"])
                let edition = try #require(try await CTFEditions.byYear(app.db, organisationID: try await Fixtures.organisationID(app), year: 2026))
                #expect(edition.status == .running)

                let p = try await CTFFixtures.player(app, edition: edition, pseudonym: "cheat", email: "cheat@unc.example", team: "Tricheurs")
                let token = try await CTFFixtures.token(app, p)
                #expect(try HackagouPlayTests.status(try await HackagouPlayTests.attempt(TestClient(app), token: token, challenge: try c.requireID(), "HACKAGOU{abc}")) == "correct")
                let page = try await staff.get("/admin/hackagou/2026")
                #expect(page.body.contains("Lagon") && page.body.contains("Tricheurs"), "first blood shown")
                let log = try await staff.get("/admin/hackagou/2026/tentatives")
                #expect(log.body.contains("HACKAGOU{abc}") && log.body.contains("cheat"))
                let award = try await staff.post("/admin/hackagou/2026/equipes/\(p.teamID)/bonus", ["value": "-50", "name": "Partage de flag"])
                #expect(award.status == .seeOther)
                let ban = try await staff.post("/admin/hackagou/2026/equipes/\(p.teamID)/etat", ["banned": "1"])
                #expect(ban.status == .seeOther)
                let banned = try await HackagouPlayTests.attempt(TestClient(app), token: token, challenge: try c.requireID(), "HACKAGOU{abc}")
                #expect(banned.status == .forbidden)
                let csv = try await staff.get("/admin/hackagou/2026/equipes.csv")
                #expect(csv.body.hasPrefix("\u{FEFF}Équipe") && csv.body.contains("Tricheurs") && csv.body.contains("cheat@unc.example"))
                let scores = try await staff.get("/admin/hackagou/2026/classement.csv")
                #expect(!scores.body.contains("Tricheurs"), "a banned team leaves the board")
                let checkIn = try await staff.get("/admin/hackagou/2026/accueil?q=cheat")
                #expect(checkIn.body.contains("Joueur cheat"))
                _ = try await staff.post("/admin/hackagou/2026/joueurs/\(try p.player.requireID())/arrivee")
                #expect(try await CTFPlayer.find(p.player.id, on: app.db)?.checkedInAt != nil)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "ctf_team").count() == 2)
            }
        }
    }
}
