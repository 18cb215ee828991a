import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// Hackagou in the demo: the report's 2025 figures come out of the records, and a newcomer
    /// registers a team for 2026 and plays at once.
    @Suite struct HackagouDemoTests {
        @Test func theReportReadsTheEditionsFigures() async throws {
            try await withGrappe(demo: true) { app in
                let staff = TestClient(app)
                try await staff.login(DemoData.managerEmail)
                let report = try await staff.get("/rapport/2025/apercu")
                #expect(report.status == .ok)
                #expect(report.body.contains("Hackagou — le CTF calédonien"))
                #expect(report.body.contains("163 joueurs en présentiel répartis en 62 équipes, dont 40 équipes étudiantes"))
                #expect(report.body.contains("Âge moyen : 23 ans"))
                #expect(report.body.contains("18 % de femmes cette année contre 19 % en 2024 (8 % en 2022)"))
                #expect(report.body.contains("Apocalypse, une IA devenue folle menace l&#39;humanité"))
                let public2025 = try await TestClient(app).get("/hackagou/2025/classement")
                #expect(public2025.status == .ok && public2025.body.contains("<svg") && !public2025.body.contains("Classement gelé"),
                        "an edition that is over shows its final board")
            }
        }

        @Test func aNewcomerRegistersAndPlaysAtOnce() async throws {
            try await withGrappe(demo: true) { app in
                let client = TestClient(app)
                let home = try await client.get("/hackagou")
                #expect(home.body.contains("Hackagou 2026") && home.body.contains("en cours"))
                try await client.get("/hackagou/2026/inscription")
                let done = try await client.post("/hackagou/2026/inscription", [
                    "pseudonym": "nouveau", "fullName": "Nouveau Venu", "email": "nouveau@lycee.example", "password": Fixtures.password,
                    "birthYear": "2008", "team": "create", "teamName": "Les Bénitiers", "bracket": String(try #require(
                        try await CTFBracket.query(on: app.db).filter(\.$name == "Lycéens").first()?.id)),
                    "affiliation": "Lycée Lapérouse", "rules": "1"])
                #expect(done.status == .seeOther)
                let board = try await client.get("/jeu")
                #expect(board.body.contains("Bienvenue à bord") && board.body.contains("Message en bouteille"))
                let welcome = try #require(try await CTFChallenge.query(on: app.db).filter(\.$name == "Bienvenue à bord").first())
                let answer = try await client.post("/jeu/defis/\(try welcome.requireID())", ["flag": "HACKAGOU{bienvenue_a_bord}"])
                #expect(answer.body.contains("Bravo, flag correct !"))
                let regex = try #require(try await CTFChallenge.query(on: app.db).filter(\.$name == "Plongée dans les journaux").first())
                let any = try await client.post("/jeu/defis/\(try regex.requireID())", ["flag": "HACKAGOU{4821-marlin}"])
                #expect(any.body.contains("Bravo, flag correct !"), "the regex flag accepts any code of the right form")
                let demoPlayer = TestClient(app)
                try await demoPlayer.login(DemoHackagou.playerEmail)
                #expect(try await demoPlayer.get("/jeu/equipe").body.contains("OCEAN2026"))
            }
        }
    }
}
