import Fluent
import Foundation
import GrappeDomain
import NIOConcurrencyHelpers
import SQLKit
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// A snapshot rebuilt after new solves reads only those (`CTFSnapshot.solveRows`) and comes
    /// to exactly what a full read gives; when solves disappear (a team deleted with its solves)
    /// it reads them all again.
    @Suite struct HackagouSnapshotTests {
        @Test func aSnapshotBuiltFromTheNewSolvesEqualsAFullRead() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app)
                let web = try await CTFFixtures.challenge(app, edition: e, name: "Toile", flag: "HACKAGOU{toile}")
                let crypto = try await CTFFixtures.challenge(app, edition: e, name: "Chiffre", category: "Crypto", flag: "HACKAGOU{chiffre}")
                let ana = try await CTFFixtures.player(app, edition: e, pseudonym: "ana", email: "ana@ecole.example")
                let bob = try await CTFFixtures.player(app, edition: e, pseudonym: "bob", email: "bob@ecole.example")
                let tokens = [try await CTFFixtures.token(app, ana), try await CTFFixtures.token(app, bob)]
                let client = TestClient(app)
                let editionID = try e.requireID()

                func solve(_ token: String, _ challenge: CTFChallenge, _ flag: String) async throws {
                    let page = try await HackagouPlayTests.attempt(client, token: token, challenge: try challenge.requireID(), flag)
                    #expect(try HackagouPlayTests.status(page) == "correct")
                }
                func full() async throws -> CTFSnapshot {
                    try CTFSnapshot.build(try #require(try await CTFSnapshot.rows(editionID: editionID, on: app.db)))
                }
                func same(_ a: CTFSnapshot, _ b: CTFSnapshot) {
                    #expect(a.solves == b.solves)
                    #expect(a.live == b.live)
                    #expect(a.playerScores == b.playerScores)
                    #expect(a.lastSolveID == b.lastSolveID)
                }

                try await solve(tokens[0], web, "HACKAGOU{toile}")
                let first = try #require(try await app.ctfBoards.refresh(editionID, db: app.db))
                #expect(first.solves.count == 1 && first.lastSolveID > 0)

                try await solve(tokens[1], web, "HACKAGOU{toile}")
                try await solve(tokens[0], crypto, "HACKAGOU{chiffre}")
                let delta = try await CTFSnapshot.solveRows(editionID: editionID, on: app.db.sql, previous: first)
                #expect(delta.earlier != nil && delta.rows.count == 2, "only the two new solves are read")
                let second = try #require(try await app.ctfBoards.refresh(editionID, db: app.db))
                same(second, try await full())
                #expect(second.solves.count == 3)

                // Bob's team loses its solve: the count no longer adds up, so all is read again.
                try await app.db.sql.raw("DELETE FROM ctf_solves WHERE team_id = \(bind: bob.teamID)").run()
                try await app.db.sql.raw("UPDATE ctf_editions SET board_version = board_version + 1 WHERE id = \(bind: editionID)").run()
                let again = try await CTFSnapshot.solveRows(editionID: editionID, on: app.db.sql, previous: second)
                #expect(again.earlier == nil && again.rows.count == 2)
                let third = try #require(try await app.ctfBoards.refresh(editionID, db: app.db))
                same(third, try await full())
                #expect(third.solves.count == 2)

                // The last solve goes and another comes (on SQLite it may take an id used before).
                try await app.db.sql.raw("DELETE FROM ctf_solves WHERE id = \(bind: third.lastSolveID)").run()
                try await solve(tokens[1], crypto, "HACKAGOU{chiffre}")
                let reused = try await CTFSnapshot.solveRows(editionID: editionID, on: app.db.sql, previous: third)
                #expect(reused.earlier == nil, "the previous last solve is not there as it was: all is read again")
                let fourth = try #require(try await app.ctfBoards.refresh(editionID, db: app.db))
                same(fourth, try await full())
                #expect(fourth.solves.map(\.teamID).contains(bob.teamID))
            }
        }
    }
}

extension AppTests.HackagouSnapshotTests {
    /// Readers that miss the same board at once wait for one drawing of it.
    @Test func readersMissingTheSameBoardWaitForOneDrawing() async throws {
        try await withGrappe { app in
            let e = try await CTFFixtures.edition(app)
            let snap = try #require(try await app.ctfBoards.refresh(try e.requireID(), db: app.db))
            let drawings = NIOLockedValueBox(0)
            let bodies = try await withThrowingTaskGroup(of: Data.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        try await app.ctfBoards.body(snap, key: "test") {
                            drawings.withLockedValue { $0 += 1 }
                            Thread.sleep(forTimeInterval: 0.05)
                            return Data("board".utf8)
                        }
                    }
                }
                var all: [Data] = []
                for try await body in group { all.append(body) }
                return all
            }
            #expect(bodies.count == 20 && Set(bodies) == [Data("board".utf8)])
            #expect(drawings.withLockedValue { $0 } == 1)
        }
    }
}
