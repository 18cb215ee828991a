import Fluent
import Foundation
import GrappeDomain
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Writes flag submissions to the database, many at once: attempts that arrive while a write is
/// in progress wait for the next one, which records them all in one transaction (group
/// commit). A submission is answered only once its transaction has committed, so an answer the
/// player saw is on disk even if the server is killed right after.
///
/// The database settles the races, not this instance (two instances may write at once): a batch
/// reads and writes the counters and solves it touches under a transaction lock per edition
/// (`TransactionLock`: an advisory lock on PostgreSQL), and a solve is inserted under the unique
/// (challenge, team) constraint, so that a team never has two solves of one challenge nor one
/// attempt past the maximum.
final class AttemptDesk: Sendable {
    struct Attempt: Sendable {
        let editionID: Int
        let challengeID: Int
        let teamID: Int
        let playerID: Int
        let submission: String
        let correct: Bool
        let maxAttempts: Int
        let ip: String
        let at: Date
    }

    private struct Pending {
        var queue: [(Attempt, CheckedContinuation<AttemptVerdict, any Error>)] = []
        /// One batch is written at a time (on PostgreSQL too: four at once measured faster at 16
        /// clients, 669 vs 545 attempts/s, but slower at 64, 880 vs 993, Benchmarks/ctf.sh).
        var writing = false
    }

    private let pending = NIOLockedValueBox(Pending())
    /// Most attempts written by one transaction.
    static let batchLimit = 128

    /// Records `attempt` and says what it was: correct, incorrect, already solved or exhausted.
    func record(_ attempt: Attempt, app: Application) async throws -> AttemptVerdict {
        try await withCheckedThrowingContinuation { continuation in
            let start = pending.withLockedValue { p -> Bool in
                p.queue.append((attempt, continuation))
                if p.writing { return false }
                p.writing = true
                return true
            }
            if start { Task { await self.drain(app: app) } }
        }
    }

    private func drain(app: Application) async {
        while true {
            let batch = pending.withLockedValue { p -> [(Attempt, CheckedContinuation<AttemptVerdict, any Error>)] in
                let batch = Array(p.queue.prefix(Self.batchLimit))
                p.queue.removeFirst(batch.count)
                if batch.isEmpty { p.writing = false }
                return batch
            }
            if batch.isEmpty { return }
            do {
                let verdicts = try await Self.write(batch.map(\.0), on: app.db)
                for (item, verdict) in zip(batch, verdicts) { item.1.resume(returning: verdict) }
            } catch {
                app.logger.error("Hackagou : tentatives non enregistrées : \(String(reflecting: error))")
                for item in batch { item.1.resume(throwing: error) }
            }
        }
    }

    /// One transaction for the whole batch, in a constant number of statements: a lock per
    /// edition (an advisory lock on PostgreSQL, so that two instances take turns; SQLite's
    /// transactions already run one at a time), one read of the counters and solves the batch
    /// touches, the rules applied in memory (`AttemptBatch`), then one write per table. The
    /// unique (challenge, team) constraint on solves still stands behind the lock.
    static func write(_ attempts: [Attempt], on db: any Database) async throws -> [AttemptVerdict] {
        let entries = attempts.map {
            AttemptBatch.Entry(key: AttemptKey(challengeID: $0.challengeID, teamID: $0.teamID), correct: $0.correct, maxAttempts: $0.maxAttempts)
        }
        let keys = Set(entries.map(\.key))
        return try await db.transaction { db in
            for edition in Set(attempts.map(\.editionID)).sorted() {
                try await TransactionLock.acquire("ctf-attempts:\(edition)", on: db)
            }
            let (used, solved) = try await state(of: keys, on: db.sql)
            var outcome = AttemptBatch.judge(entries, used: used, solved: solved)
            try await writeCounters(outcome.used, on: db.sql)
            let inserted = try await insertSolves(outcome.solves.map { attempts[$0] }, on: db.sql)
            for i in outcome.solves where !inserted.contains(entries[i].key) { outcome.verdicts[i] = .alreadySolved }
            try await log(zip(attempts, outcome.verdicts).filter { $0.1.isCounted }.map(\.0), on: db.sql)
            for edition in Set(outcome.solves.map { attempts[$0].editionID }) { try await CTFVersion.bump(edition, on: db) }
            return outcome.verdicts
        }
    }

    /// The attempts used and the solves of `keys`, in one statement.
    private static func state(of keys: Set<AttemptKey>, on sql: any SQLDatabase) async throws -> ([AttemptKey: Int], Set<AttemptKey>) {
        let challenges: [any Encodable & Sendable] = Set(keys.map(\.challengeID)).sorted()
        let teams: [any Encodable & Sendable] = Set(keys.map(\.teamID)).sorted()
        let rows = try await sql.raw("""
            SELECT challenge_id, team_id, used, 0 AS solved FROM ctf_attempt_counts
            WHERE challenge_id IN (\(binds: challenges)) AND team_id IN (\(binds: teams))
            UNION ALL
            SELECT challenge_id, team_id, 0 AS used, 1 AS solved FROM ctf_solves
            WHERE challenge_id IN (\(binds: challenges)) AND team_id IN (\(binds: teams))
            """).all()
        var used: [AttemptKey: Int] = [:]
        var solved: Set<AttemptKey> = []
        for row in rows {
            let key = AttemptKey(challengeID: try row.decode(column: "challenge_id", as: Int.self), teamID: try row.decode(column: "team_id", as: Int.self))
            guard keys.contains(key) else { continue }
            if try row.decode(column: "solved", as: Int.self) == 1 { solved.insert(key) } else { used[key] = try row.decode(column: "used", as: Int.self) }
        }
        return (used, solved)
    }

    private static func writeCounters(_ used: [AttemptKey: Int], on sql: any SQLDatabase) async throws {
        guard !used.isEmpty else { return }
        var insert = sql.insert(into: "ctf_attempt_counts").columns("challenge_id", "team_id", "used")
        for (key, count) in used.sorted(by: { $0.key < $1.key }) {
            insert = insert.values(SQLBind(key.challengeID), SQLBind(key.teamID), SQLBind(count))
        }
        try await insert.onConflict(with: ["challenge_id", "team_id"]) { $0.set(excludedValueOf: "used") }.run()
    }

    /// The solves actually inserted (a solve already there stays the only one).
    private static func insertSolves(_ solves: [Attempt], on sql: any SQLDatabase) async throws -> Set<AttemptKey> {
        guard !solves.isEmpty else { return [] }
        var insert = sql.insert(into: "ctf_solves").columns("edition_id", "challenge_id", "team_id", "player_id", "created_at")
        for a in solves {
            insert = insert.values(SQLBind(a.editionID), SQLBind(a.challengeID), SQLBind(a.teamID), SQLBind(a.playerID), SQLBind(a.at))
        }
        let rows = try await insert.ignoringConflicts(with: ["challenge_id", "team_id"]).returning("challenge_id", "team_id").all()
        return Set(try rows.map { AttemptKey(challengeID: try $0.decode(column: "challenge_id", as: Int.self), teamID: try $0.decode(column: "team_id", as: Int.self)) })
    }

    /// The counted attempts, right and wrong, in a few statements (200 rows each, far below the
    /// bind limits).
    private static func log(_ counted: [Attempt], on sql: any SQLDatabase) async throws {
        for start in stride(from: 0, to: counted.count, by: 200) {
            var insert = sql.insert(into: "ctf_attempts").columns("edition_id", "challenge_id", "team_id", "player_id", "submission", "correct", "ip", "created_at")
            for a in counted[start..<min(start + 200, counted.count)] {
                insert = insert.values(SQLBind(a.editionID), SQLBind(a.challengeID), SQLBind(a.teamID), SQLBind(a.playerID), SQLBind(a.submission),
                                       SQLBind(a.correct), SQLBind(a.ip), SQLBind(a.at))
            }
            try await insert.run()
        }
    }
}

extension Application {
    private struct AttemptDeskKey: StorageKey { typealias Value = AttemptDesk }

    var attemptDesk: AttemptDesk {
        get {
            guard let desk = storage[AttemptDeskKey.self] else { fatalError("attemptDesk read before configure()") }
            return desk
        }
        set { storage[AttemptDeskKey.self] = newValue }
    }
}
