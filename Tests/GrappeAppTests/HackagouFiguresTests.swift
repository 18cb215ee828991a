import Fluent
import Foundation
import GrappeDomain
import SQLKit
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// Hackagou's figures for staff, year over year and per edition, checked against the records
    /// counted here in Swift, row by row.
    @Suite struct HackagouFiguresTests {
        /// One edition's figures as counted in the test from its rows.
        struct Expected {
            var players = 0, onSite = 0, teams = 0, studentTeams = 0, solves = 0, firstBloods = 0
            var perBracket: [String: Int] = [:]
            var averageAge: Int?
            var womenPercent: Int?
            var solvesPerCategory: [String: Int] = [:]
            var bloodsPerTeam: [String: Int] = [:]
        }

        static func expected(_ app: Application, _ e: CTFEdition) async throws -> Expected {
            let id = try e.requireID()
            var x = Expected()
            let players = try await CTFPlayer.query(on: app.db).filter(\.$edition.$id == id).all()
            x.players = players.count
            x.onSite = players.filter { $0.checkedInAt != nil }.count
            let counted = players.filter(\.statisticsConsent)
            if !counted.isEmpty {
                let ages = counted.map { Double(e.year - $0.birthYear) }
                x.averageAge = Int((ages.reduce(0, +) / Double(ages.count)).rounded())
                x.womenPercent = Int((100 * Double(counted.filter { $0.gender == .female }.count) / Double(counted.count)).rounded())
            }
            let teams = try await CTFTeam.query(on: app.db).filter(\.$edition.$id == id).with(\.$bracket).all().filter { !$0.hidden && !$0.banned }
            x.teams = teams.count
            x.studentTeams = teams.filter { $0.bracket?.student == true }.count
            for t in teams { if let b = t.bracket { x.perBracket[b.name, default: 0] += 1 } }
            let names = Dictionary(uniqueKeysWithValues: try teams.map { (try $0.requireID(), $0.name) })
            let categories = Dictionary(uniqueKeysWithValues: try await CTFChallenge.query(on: app.db).filter(\.$edition.$id == id).all().map { (try $0.requireID(), $0.category) })
            let solves = try await app.db.sql.raw("SELECT challenge_id, team_id, created_at FROM ctf_solves WHERE edition_id = \(bind: id)").all().map {
                Standings.Solve(teamID: try $0.decode(column: "team_id", as: Int.self), challengeID: try $0.decode(column: "challenge_id", as: Int.self),
                                at: try $0.decode(column: "created_at", as: Date.self))
            }.filter { names[$0.teamID] != nil }
            x.solves = solves.count
            for s in solves { x.solvesPerCategory[categories[s.challengeID] ?? "?", default: 0] += 1 }
            let bloods = Standings.firstBloods(solves, counted: Set(names.keys))
            x.firstBloods = bloods.count
            for b in bloods.values { x.bloodsPerTeam[names[b.teamID] ?? "?", default: 0] += 1 }
            return x
        }

        @Test func theTableAndTheCSVGiveEachEditionsFiguresFromTheDemo() async throws {
            try await withGrappe(demo: true) { app in
                let staff = TestClient(app)
                try await staff.login(DemoData.managerEmail)
                let index = try await staff.get("/admin/hackagou")
                #expect(index.body.contains("href=\"/admin/hackagou/chiffres\""))
                let editions = try await CTFEdition.query(on: app.db).filter(\.$status != .draft).sort(\.$year).all()
                #expect(editions.count >= 2)

                let csv = try await staff.get("/admin/hackagou/chiffres.csv")
                #expect(csv.status == .ok && csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
                let table = CSVTable.parse(csv.body)
                let header = try #require(table.first)
                let lines = Array(table.dropFirst()).filter { $0.count > 1 }
                #expect(lines.map(\.first) == editions.map { String($0.year) })
                let column = { (name: String) in try #require(header.firstIndex(of: name), "no column \(name)") }
                for (e, line) in zip(editions, lines) {
                    let x = try await Self.expected(app, e)
                    #expect(line[try column("Inscrits")] == String(x.players), "\(e.year)")
                    #expect(line[try column("Présents")] == String(x.onSite), "\(e.year)")
                    #expect(line[try column("Équipes")] == String(x.teams), "\(e.year)")
                    #expect(line[try column("Équipes étudiantes")] == String(x.studentTeams), "\(e.year)")
                    for (bracket, n) in x.perBracket { #expect(line[try column("Équipes \(bracket)")] == String(n), "\(e.year) \(bracket)") }
                    #expect(line[try column("Âge moyen")] == (x.averageAge.map(String.init) ?? ""), "\(e.year)")
                    #expect(line[try column("Femmes (%)")] == (x.womenPercent.map(String.init) ?? ""), "\(e.year)")
                    #expect(line[try column("Résolutions")] == String(x.solves), "\(e.year)")
                    #expect(line[try column("Premiers sangs")] == String(x.firstBloods), "\(e.year)")
                    for (category, n) in x.solvesPerCategory { #expect(line[try column("Résolutions \(category)")] == String(n), "\(e.year) \(category)") }
                }

                let y2025 = try #require(editions.first { $0.year == 2025 })
                let x = try await Self.expected(app, y2025)
                #expect(x.solves > 0 && !x.bloodsPerTeam.isEmpty, "the demo's 2025 was played")
                let page = try await staff.get("/admin/hackagou/chiffres?annee=2025")
                #expect(page.status == .ok)
                #expect(page.body.contains("<h2>Hackagou 2025 · "))
                #expect(page.body.contains("<span>Joueurs présents</span><strong>\(x.onSite)</strong><small>sur \(x.players) inscrits</small>"))
                #expect(page.body.contains("<span>Équipes</span><strong>\(x.teams)</strong><small>dont \(x.studentTeams) étudiantes</small>"))
                #expect(page.body.contains("<span>Résolutions</span><strong>\(x.solves)</strong><small>\(x.firstBloods) premiers sangs</small>"))
                for (team, n) in x.bloodsPerTeam {
                    #expect(page.body.contains("<tr><td>\(HTML.escape(team))</td><td class=\"num\">\(n)</td></tr>"), "\(team)")
                }
                for (category, n) in x.solvesPerCategory {
                    #expect(page.body.contains("<tr><td>\(HTML.escape(category))</td><td class=\"num\">\(n)</td>"), "\(category)")
                }
                let previous = try await Self.expected(app, try #require(editions.first { $0.year == 2024 }))
                let change = try #require(CTFYearOverYear.changeLabel(from: previous.onSite, to: x.onSite))
                #expect(page.body.contains("<td class=\"num\">\(x.onSite)</td><td class=\"num\">\(change)</td>"))
                let latest = try await staff.get("/admin/hackagou/chiffres")
                #expect(latest.body.contains("<h2>Hackagou \(try #require(editions.last).year) · "), "the latest edition by default")
            }
        }

        @Test func hiddenTeamsDoNotCountAndTheFirstSolverTakesTheFirstBlood() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app)
                let web = try await CTFFixtures.challenge(app, edition: e, name: "Lagon", category: "Web", flag: "HACKAGOU{a}")
                let crypto = try await CTFFixtures.challenge(app, edition: e, name: "César", category: "Crypto", flag: "HACKAGOU{b}")
                // The hidden team comes first by id and by time: it would take the first blood were it counted.
                let hidden = try await CTFFixtures.player(app, edition: e, pseudonym: "hidden", email: "hidden@unc.example", team: "Masqués")
                let first = try await CTFFixtures.player(app, edition: e, pseudonym: "first", email: "first@unc.example", team: "Premiers", gender: .female)
                let second = try await CTFFixtures.player(app, edition: e, pseudonym: "second", email: "second@unc.example", team: "Seconds", birthYear: 1996)
                for (p, c, flag) in [(hidden, web, "HACKAGOU{a}"), (first, web, "HACKAGOU{a}"), (second, web, "HACKAGOU{a}"), (second, crypto, "HACKAGOU{b}")] {
                    let token = try await CTFFixtures.token(app, p)
                    #expect(try HackagouPlayTests.status(try await HackagouPlayTests.attempt(TestClient(app), token: token, challenge: try c.requireID(), flag)) == "correct")
                }
                let team = try #require(try await CTFTeam.find(hidden.teamID, on: app.db))
                team.hidden = true
                try await team.save(on: app.db)
                let figures = try #require(try await CTFFigureQueries.editions(app.db, organisationID: try await Fixtures.organisationID(app)).first)
                #expect(figures.figures.teams == 2 && figures.figures.players == 3)
                #expect(figures.categories == [CTFCategoryFigures(category: "Crypto", solves: 1, firstBloods: 1), CTFCategoryFigures(category: "Web", solves: 2, firstBloods: 1)])
                #expect(figures.firstBloodsByTeam.map(\.team) == ["Premiers", "Seconds"] && figures.firstBloodsByTeam.map(\.count) == [1, 1],
                        "the hidden team solved first, the first counted team takes the first blood")
                #expect(figures.figures.averageAge == Int((Double((2026 - 2003) * 2 + (2026 - 1996)) / 3).rounded()))
                #expect(figures.figures.womenPercent == 33)
            }
        }

        @Test func withoutEditionsThePageSaysSo() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let page = try await staff.get("/admin/hackagou/chiffres")
                #expect(page.status == .ok && page.body.contains("Aucune édition publiée : les chiffres apparaîtront avec la première."))
                #expect(!page.body.contains("chiffres.csv"))
                _ = try await CTFFixtures.edition(app, status: .draft)
                #expect(try await staff.get("/admin/hackagou/chiffres").body.contains("Aucune édition publiée"), "a draft has no figures")
                let member = TestClient(app)
                _ = try await Fixtures.member(app, name: "Société", login: "moi@societe.example")
                try await member.login("moi@societe.example", Fixtures.password)
                #expect(try await member.get("/admin/hackagou/chiffres").status == .forbidden)
                #expect(try await member.get("/admin/hackagou/chiffres.csv").status == .forbidden)
            }
        }
    }
}
