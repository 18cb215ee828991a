import Fluent
import Foundation
import GrappeDomain
import NIOCore
import NIOFoundationCompat
import SQLKit
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// Hackagou played through its pages and its CTFd-compatible API: verdicts, limits, hints,
    /// the scoreboard, and what simultaneous submissions of one team can never do.
    @Suite struct HackagouPlayTests {
        static func attempt(_ client: TestClient, token: String, challenge: Int, _ submission: String) async throws -> TestClient.Page {
            let body = try JSONSerialization.data(withJSONObject: ["challenge_id": challenge, "submission": submission])
            return try await client.send(.POST, "/api/v1/challenges/attempt",
                                         headers: ["Authorization": "Token \(token)", "Content-Type": "application/json"], body: ByteBuffer(data: body))
        }

        static func json(_ page: TestClient.Page) throws -> [String: Any] {
            try #require(JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any], "not JSON: \(page.body)")
        }

        static func status(_ page: TestClient.Page) throws -> String? {
            (try json(page)["data"] as? [String: Any])?["status"] as? String
        }

        static func count(_ app: Application, _ table: String, teamID: Int) async throws -> Int {
            try await app.db.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE team_id = \(bind: teamID)").first()!.decode(column: "n", as: Int.self)
        }

        @Test func theAPIAnswersWithCTFdsStatuses() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app)
                let c = try await CTFFixtures.challenge(app, edition: e, name: "Marée basse", flag: "HACKAGOU{maree}")
                let p = try await CTFFixtures.player(app, edition: e, pseudonym: "kraken", email: "kraken@unc.example")
                let token = try await CTFFixtures.token(app, p)
                let client = TestClient(app)
                let id = try c.requireID()

                let wrong = try await Self.attempt(client, token: token, challenge: id, "HACKAGOU{nope}")
                let wrongBody = try Self.json(wrong)
                #expect(wrong.status == .ok && wrongBody["success"] as? Bool == true)
                #expect(try Self.status(wrong) == "incorrect")
                let right = try await Self.attempt(client, token: token, challenge: id, "  HACKAGOU{maree}\n")
                #expect(try Self.status(right) == "correct", "spaces around the flag are dropped, as CTFd does")
                let again = try await Self.attempt(client, token: token, challenge: id, "HACKAGOU{maree}")
                #expect(try Self.status(again) == "already_solved")

                let noToken = try await client.send(.POST, "/api/v1/challenges/attempt", headers: ["Content-Type": "application/json"],
                                                    body: ByteBuffer(string: "{\"challenge_id\": \(id), \"submission\": \"x\"}"))
                let noTokenBody = try Self.json(noToken)
                #expect(noToken.status == .unauthorized && noTokenBody["success"] as? Bool == false)
                let control = try await Self.attempt(client, token: token, challenge: id, "HACKAGOU{a\u{0}b}")
                #expect(control.status == .badRequest && control.body.contains("control characters"))
                let tooLong = try await Self.attempt(client, token: token, challenge: id, String(repeating: "A", count: 300))
                #expect(tooLong.status == .badRequest)
                let malformed = try await client.send(.POST, "/api/v1/challenges/attempt",
                                                      headers: ["Authorization": "Token \(token)", "Content-Type": "application/json"], body: ByteBuffer(string: "{\"challenge_id\": \"x\""))
                let malformedBody = try Self.json(malformed)
                #expect(malformed.status == .badRequest && malformedBody["success"] as? Bool == false)
                let unknown = try await Self.attempt(client, token: token, challenge: 999_999, "x")
                #expect(unknown.status == .notFound)

                #expect(try await Self.count(app, "ctf_solves", teamID: p.teamID) == 1)
                #expect(try await Self.count(app, "ctf_attempts", teamID: p.teamID) == 2, "the wrong and the right flag, not the refusals")

                let board = try Self.json(try await client.get("/api/v1/scoreboard"))
                let rows = try #require(board["data"] as? [[String: Any]])
                #expect(rows.count == 1 && rows[0]["pos"] as? Int == 1 && rows[0]["score"] as? Int == 100 && rows[0]["name"] as? String == "Équipe kraken")
                let members = try #require(rows[0]["members"] as? [[String: Any]])
                #expect(members.first?["name"] as? String == "kraken" && members.first?["score"] as? Int == 100)
                let top = try Self.json(try await client.get("/api/v1/scoreboard/top/10"))
                let first = try #require((top["data"] as? [String: Any])?["1"] as? [String: Any])
                #expect((first["solves"] as? [[String: Any]])?.first?["challenge_id"] as? Int == id)
                let me = try Self.json(try await client.get("/api/v1/users/me", headers: ["Authorization": "Token \(token)"]))
                #expect((me["data"] as? [String: Any])?["score"] as? Int == 100)
                let list = try Self.json(try await client.get("/api/v1/challenges", headers: ["Authorization": "Token \(token)"]))
                let item = try #require((list["data"] as? [[String: Any]])?.first)
                #expect(item["solved_by_me"] as? Bool == true && item["type"] as? String == "standard" && item["solves"] as? Int == 1)
            }
        }

        @Test func simultaneousRightFlagsOfOneTeamMakeOneSolve() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app)
                let c = try await CTFFixtures.challenge(app, edition: e, name: "Course", flag: "HACKAGOU{vite}")
                let captain = try await CTFFixtures.player(app, edition: e, pseudonym: "a1", email: "a1@ecole.example")
                var tokens = [try await CTFFixtures.token(app, captain)]
                for n in 2...3 {
                    let mate = try await CTFFixtures.player(app, edition: e, pseudonym: "a\(n)", email: "a\(n)@ecole.example", join: captain.teamID)
                    tokens.append(try await CTFFixtures.token(app, mate))
                }
                let id = try c.requireID()
                let statuses = try await withThrowingTaskGroup(of: String?.self) { group in
                    for token in tokens { for _ in 0..<6 {
                        group.addTask { try Self.status(try await Self.attempt(TestClient(app), token: token, challenge: id, "HACKAGOU{vite}")) }
                    } }
                    var all: [String?] = []
                    for try await s in group { all.append(s) }
                    return all
                }
                #expect(statuses.filter { $0 == "correct" }.count == 1, "\(statuses)")
                #expect(statuses.filter { $0 == "already_solved" }.count == 17, "\(statuses)")
                #expect(try await Self.count(app, "ctf_solves", teamID: captain.teamID) == 1)
            }
        }

        @Test func simultaneousWrongFlagsNeverPassTheMaximum() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app)
                let c = try await CTFFixtures.challenge(app, edition: e, name: "Cinq essais", flag: "HACKAGOU{cinq}", maxAttempts: 5)
                let captain = try await CTFFixtures.player(app, edition: e, pseudonym: "b1", email: "b1@ecole.example")
                var tokens = [try await CTFFixtures.token(app, captain)]
                for n in 2...3 {
                    let mate = try await CTFFixtures.player(app, edition: e, pseudonym: "b\(n)", email: "b\(n)@ecole.example", join: captain.teamID)
                    tokens.append(try await CTFFixtures.token(app, mate))
                }
                let id = try c.requireID()
                let pages = try await withThrowingTaskGroup(of: TestClient.Page.self) { group in
                    for (t, token) in tokens.enumerated() { for k in 0..<8 {
                        group.addTask { try await Self.attempt(TestClient(app), token: token, challenge: id, "HACKAGOU{faux-\(t)-\(k)}") }
                    } }
                    var all: [TestClient.Page] = []
                    for try await p in group { all.append(p) }
                    return all
                }
                #expect(pages.allSatisfy { $0.status != .internalServerError })
                #expect(pages.filter { $0.status == .ok }.count == 5, "five answered « incorrect »")
                #expect(pages.filter { $0.status == .forbidden && $0.body.contains("0 tries remaining") }.count == 19)
                #expect(try await Self.count(app, "ctf_attempts", teamID: captain.teamID) == 5)
                let used = try await app.db.sql.raw("SELECT used FROM ctf_attempt_counts WHERE team_id = \(bind: captain.teamID)").first()?.decode(column: "used", as: Int.self)
                #expect(used == 5)
                // The right flag is refused too once the attempts are spent.
                #expect(try Self.status(try await Self.attempt(TestClient(app), token: tokens[0], challenge: id, "HACKAGOU{cinq}")) == "incorrect")
                #expect(try await Self.count(app, "ctf_solves", teamID: captain.teamID) == 0)
            }
        }

        @Test func aPlayerPlaysFromThePages() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app)
                let c = try await CTFFixtures.challenge(app, edition: e, name: "Récif <b>", category: "Crypto", flag: "hackagou{corail}", caseInsensitive: true)
                let id = try c.requireID()
                try await CTFHint(challengeID: id, content: "Regardez sous l'eau", cost: 30, position: 0).create(on: app.db)
                let p = try await CTFFixtures.player(app, edition: e, pseudonym: "nemo", email: "nemo@lycee.example")
                let client = TestClient(app)
                try await client.login(p.email, Fixtures.password)
                let board = try await client.get("/jeu")
                #expect(board.status == .ok && board.body.contains("Crypto") && board.body.contains("Récif &lt;b&gt;") && board.body.contains("href=\"/jeu/defis/\(id)\""))
                let page = try await client.get("/jeu/defis/\(id)")
                #expect(page.body.contains("Trouvez le flag de <strong>Récif &lt;b&gt;</strong>"), "Markdown rendered, escaped")
                #expect(page.body.contains("Débloquer un indice (−30 pts)") && !page.body.contains("Regardez sous l"))
                let poor = try await client.post("/jeu/indices/\(try CTFHint.query(on: app.db).first()!.requireID())")
                #expect(poor.status == .seeOther)
                #expect(try await client.get(poor.location ?? "/").body.contains("Cet indice coûte 30 points et votre équipe en a 0."))
                let wrong = try await client.post("/jeu/defis/\(id)", ["flag": "HACKAGOU{sable}"])
                #expect(wrong.status == .ok && wrong.body.contains("Flag incorrect.") && wrong.body.contains("value=\"HACKAGOU{sable}\""))
                let empty = try await client.post("/jeu/defis/\(id)", ["flag": "   "])
                #expect(empty.status == .badRequest && empty.body.contains("Saisissez un flag."))
                let right = try await client.post("/jeu/defis/\(id)", ["flag": "HACKAGOU{CORAIL}"])
                #expect(right.body.contains("Bravo, flag correct !") && right.body.contains("Votre équipe a résolu ce défi."))
                let hint = try await client.post("/jeu/indices/\(try CTFHint.query(on: app.db).first()!.requireID())")
                #expect(try await client.get(hint.location ?? "/").body.contains("Regardez sous l&#39;eau"))
                let team = try await client.get("/jeu/equipe")
                #expect(team.body.contains("70 pts") && team.body.contains("premier sang") && team.body.contains("Indice : Récif &lt;b&gt;"))
                let code = try #require(try await CTFTeam.find(p.teamID, on: app.db)).inviteCode
                #expect(team.body.contains(code), "the invite code is shown to the team")
                let token = try await client.post("/jeu/jeton")
                #expect(token.body.contains("grp_") && token.body.contains("Authorization: Token"))
            }
        }

        @Test func aHiddenOrLockedChallengeIsNotThere() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app)
                let first = try await CTFFixtures.challenge(app, edition: e, name: "Premier", flag: "HACKAGOU{1}")
                let second = try await CTFFixtures.challenge(app, edition: e, name: "Second", flag: "HACKAGOU{2}")
                let hidden = try await CTFFixtures.challenge(app, edition: e, name: "Caché", flag: "HACKAGOU{3}", visible: false)
                try await app.db.sql.raw("INSERT INTO ctf_requirements (challenge_id, requires_id) VALUES (\(bind: try second.requireID()), \(bind: try first.requireID()))").run()
                try await CTFVersion.bump(e.requireID(), on: app.db)
                let p = try await CTFFixtures.player(app, edition: e, pseudonym: "lock", email: "lock@unc.example")
                let token = try await CTFFixtures.token(app, p)
                let client = TestClient(app)
                #expect(try await Self.attempt(client, token: token, challenge: try hidden.requireID(), "HACKAGOU{3}").status == .notFound)
                #expect(try await Self.attempt(client, token: token, challenge: try second.requireID(), "HACKAGOU{2}").status == .notFound)
                #expect(try Self.status(try await Self.attempt(client, token: token, challenge: try first.requireID(), "HACKAGOU{1}")) == "correct")
                #expect(try Self.status(try await Self.attempt(client, token: token, challenge: try second.requireID(), "HACKAGOU{2}")) == "correct",
                        "solving the prerequisite opens the next one")
            }
        }

        @Test func submissionsWaitForTheStartAndStopAtTheEnd() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app, status: .registration)
                let c = try await CTFFixtures.challenge(app, edition: e, name: "Attente", flag: "HACKAGOU{patience}")
                let p = try await CTFFixtures.player(app, edition: e, pseudonym: "tot", email: "tot@unc.example")
                let token = try await CTFFixtures.token(app, p)
                let early = try await Self.attempt(TestClient(app), token: token, challenge: try c.requireID(), "HACKAGOU{patience}")
                let earlyStatus = try Self.status(early)
                #expect(early.status == .forbidden && earlyStatus == "paused")
                #expect(try await Self.count(app, "ctf_attempts", teamID: p.teamID) == 0)
            }
        }
    }
}
