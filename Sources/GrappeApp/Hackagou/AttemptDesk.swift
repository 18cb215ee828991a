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
                let verdicts = try await Self.write(batch.map(\.0), on: app.db, line: app.attemptLine)
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
    /// touches, the rules applied in memory (`AttemptBatch`), then the writes. The unique
    /// (challenge, team) constraint on solves still stands behind the lock.
    ///
    /// Through `AttemptLine` when there is one. Without (an in-memory SQLite database), or when
    /// the line's combined write found a solve the lock should have kept out, the same batch
    /// runs on one of the pool's connections (on SQLite it holds the write gate), one statement
    /// per table, the verdicts following the solves actually inserted.
    static func write(_ attempts: [Attempt], on db: any Database, line: AttemptLine?) async throws -> [AttemptVerdict] {
        if let line, let verdicts = try await line.write(attempts) { return verdicts }
        let postgres = (db as? any SQLDatabase)?.dialect.name == "postgresql"
        return try await db.withConnection { connection in
            AttemptLine.batch(attempts, on: connection as! any SQLDatabase, postgres: postgres, combined: false)
                .flatMapThrowing { verdicts in
                    // Only the combined write answers nil; one statement per table always answers.
                    guard let verdicts else { throw Abort(.internalServerError) }
                    return verdicts
                }
        }.get()
    }
}

extension AttemptDesk.Attempt {
    var key: AttemptKey { AttemptKey(challengeID: challengeID, teamID: teamID) }
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
