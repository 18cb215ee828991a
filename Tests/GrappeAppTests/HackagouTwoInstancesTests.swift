import Fluent
import Foundation
import GrappeDomain
import SQLKit
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// Two Grappe instances on one PostgreSQL database, each with its own snapshots, attempt desk
    /// and token cache (boards kept as in production: checked every half second): a team sending
    /// the same flags through both gets one solve and never an attempt past the maximum, and both
    /// instances come to the same scoreboard.
    @Suite struct HackagouTwoInstancesTests {
        @Test(.enabled(if: ProcessInfo.processInfo.environment["DATABASE_URL"] != nil))
        func twoInstancesAgreeAndNeverDoubleASolve() async throws {
            try await withGrappe { first in
                let second = try await Application.make(.testing)
                do {
                    try await configure(second, testing: true, database: first.config.database)
                    second.clock = first.clock
                    for app in [first, second] {
                        app.ctfBoards = CTFBoards(maxAge: 0.5)
                        app.lifecycle.use(app.ctfBoards)
                        app.ctfTokens = CTFTokenCache(ttl: 10)
                    }
                    let e = try await CTFFixtures.edition(first)
                    let fast = try await CTFFixtures.challenge(first, edition: e, name: "Course", flag: "HACKAGOU{vite}")
                    let capped = try await CTFFixtures.challenge(first, edition: e, name: "Quatre essais", flag: "HACKAGOU{quatre}", maxAttempts: 4)
                    let captain = try await CTFFixtures.player(first, edition: e, pseudonym: "c1", email: "c1@ecole.example")
                    let mate = try await CTFFixtures.player(first, edition: e, pseudonym: "c2", email: "c2@ecole.example", join: captain.teamID)
                    let tokens = [try await CTFFixtures.token(first, captain), try await CTFFixtures.token(first, mate)]
                    let fastID = try fast.requireID(), cappedID = try capped.requireID()

                    let answers = try await withThrowingTaskGroup(of: String?.self) { group in
                        for (i, app) in [first, second].enumerated() { for k in 0..<8 {
                            let token = tokens[(i + k) % 2]
                            group.addTask { try HackagouPlayTests.status(try await HackagouPlayTests.attempt(TestClient(app), token: token, challenge: fastID, "HACKAGOU{vite}")) }
                            group.addTask { try HackagouPlayTests.status(try await HackagouPlayTests.attempt(TestClient(app), token: token, challenge: cappedID, "HACKAGOU{non-\(i)-\(k)}")) }
                        } }
                        var all: [String?] = []
                        for try await a in group { all.append(a) }
                        return all
                    }
                    #expect(answers.filter { $0 == "correct" }.count == 1, "\(answers)")
                    #expect(answers.filter { $0 == "already_solved" }.count == 15, "\(answers)")
                    #expect(answers.filter { $0 == "incorrect" }.count == 16,
                            "4 counted wrong flags and 12 refused as exhausted, both « incorrect » in CTFd's words: \(answers)")
                    let solves = try await first.db.sql.raw("SELECT COUNT(*) AS n FROM ctf_solves WHERE team_id = \(bind: captain.teamID)").first()!.decode(column: "n", as: Int.self)
                    let attempts = try await first.db.sql.raw("SELECT COUNT(*) AS n FROM ctf_attempts WHERE challenge_id = \(bind: cappedID)").first()!.decode(column: "n", as: Int.self)
                    #expect(solves == 1 && attempts == 4)

                    func board(_ app: Application) async throws -> String { try await TestClient(app).get("/api/v1/scoreboard").body }
                    try await PageCacheTests.eventually("both instances show the solve") {
                        let (a, b) = (try await board(first), try await board(second))
                        return a == b && a.contains("\"score\":100")
                    }
                    let (a, b) = (try await board(first), try await board(second))
                    #expect(a == b, "\(a)\n\(b)")
                } catch {
                    try? await second.asyncShutdown()
                    throw error
                }
                try await second.asyncShutdown()
            }
        }
    }
}
