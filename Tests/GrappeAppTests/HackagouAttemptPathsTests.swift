import Fluent
import Foundation
import GrappeDomain
import SQLKit
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// A batch of attempts gets the same verdicts and leaves the same rows whichever way it is
    /// written: through `AttemptLine` (its own connection) or, without one, on a connection of
    /// the pool (the in-memory database's way, and the fallback after an unexpected solve).
    @Suite struct HackagouAttemptPathsTests {
        @Test(arguments: [true, false])
        func aBatchIsJudgedAndWrittenTheSameWithOrWithoutTheLine(line: Bool) async throws {
            try await withGrappe { app in
                #expect(app.attemptLine != nil, "a test database is a file or PostgreSQL: it has a line")
                let e = try await CTFFixtures.edition(app)
                let open = try await CTFFixtures.challenge(app, edition: e, name: "Ouvert", flag: "HACKAGOU{ouvert}")
                let capped = try await CTFFixtures.challenge(app, edition: e, name: "Deux essais", flag: "HACKAGOU{deux}", maxAttempts: 2)
                let ana = try await CTFFixtures.player(app, edition: e, pseudonym: "ana", email: "ana@ecole.example")
                let editionID = try e.requireID(), playerID = try ana.player.requireID()
                func attempt(_ c: CTFChallenge, _ correct: Bool) throws -> AttemptDesk.Attempt {
                    AttemptDesk.Attempt(editionID: editionID, challengeID: try c.requireID(), teamID: ana.teamID, playerID: playerID,
                                        submission: correct ? "juste" : "faux", correct: correct, maxAttempts: c.maxAttempts,
                                        ip: "127.0.0.1", at: TestClock.now)
                }
                let version = try #require(try await CTFSnapshot.version(of: editionID, on: app.db))
                let batch = [try attempt(capped, false), try attempt(open, true), try attempt(capped, false), try attempt(capped, true),
                             try attempt(open, true)]
                let verdicts = try await AttemptDesk.write(batch, on: app.db, line: line ? app.attemptLine : nil)
                #expect(verdicts == [.incorrect, .correct, .incorrect, .exhausted, .alreadySolved])

                let sql = app.db.sql
                func count(_ query: SQLQueryString) async throws -> Int { try await sql.raw(query).first()!.decode(column: "n", as: Int.self) }
                #expect(try await count("SELECT COUNT(*) AS n FROM ctf_solves WHERE team_id = \(bind: ana.teamID)") == 1)
                #expect(try await count("SELECT COUNT(*) AS n FROM ctf_attempts WHERE team_id = \(bind: ana.teamID)") == 3,
                        "the three counted attempts are logged; exhausted and already solved are not")
                #expect(try await count("SELECT used AS n FROM ctf_attempt_counts WHERE challenge_id = \(bind: try capped.requireID())") == 2)
                #expect(try await CTFSnapshot.version(of: editionID, on: app.db) == version + 1, "one solve, one new board version")

                let again = try await AttemptDesk.write([try attempt(capped, true)], on: app.db, line: line ? app.attemptLine : nil)
                #expect(again == [.exhausted])
            }
        }
        /// Once the line has shut down (the application stopping), a batch still gets written,
        /// through the pool, and the line opens nothing again.
        @Test func afterTheLineStopsBatchesGoThroughThePool() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app)
                let c = try await CTFFixtures.challenge(app, edition: e, name: "Tard", flag: "HACKAGOU{tard}")
                let ana = try await CTFFixtures.player(app, edition: e, pseudonym: "ana", email: "ana@ecole.example")
                let line = try #require(app.attemptLine)
                await line.shutdownAsync(app)
                let attempt = AttemptDesk.Attempt(editionID: try e.requireID(), challengeID: try c.requireID(), teamID: ana.teamID,
                                                  playerID: try ana.player.requireID(), submission: "HACKAGOU{tard}", correct: true,
                                                  maxAttempts: 0, ip: "127.0.0.1", at: TestClock.now)
                #expect(try await line.write([attempt]) == nil)
                #expect(try await AttemptDesk.write([attempt], on: app.db, line: line) == [.correct])
                let solves = try await app.db.sql.raw("SELECT COUNT(*) AS n FROM ctf_solves WHERE team_id = \(bind: ana.teamID)").first()!
                #expect(try solves.decode(column: "n", as: Int.self) == 1)
            }
        }

    }
}
