import FluentPostgresDriver
import GrappeDomain
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLKit
import Vapor

/// PostgreSQL: the connection flag submissions are written on, alone on its own thread.
///
/// A batch is five statements (begin, the edition's lock, one read, one write, commit: see
/// `AttemptDesk.write`), and the lock is held from the read to the commit. Through the pool,
/// each answer waited its turn on an event loop busy with HTTP: the server's statement log
/// showed 2–3 ms between two statements of a batch at 64 clients, for about 3 ms of work in
/// PostgreSQL. Here each statement follows the previous answer at once: the batch is one
/// EventLoopFuture chain on this connection's own loop, with no task hop in between.
///
/// One connection per instance, outside the pool, opened on first use and again after a loss.
/// Its writes are not reported to `WriteWatch`: attempts, counters and solves are on no cached
/// page (the boards follow `board_version`), and during a CTF every batch would otherwise empty
/// every instance's page cache.
final class AttemptLine: LifecycleHandler, Sendable {
    private struct State {
        var group: MultiThreadedEventLoopGroup?
        var connection: EventLoopFuture<PostgresConnection>?
    }

    private let url: String
    private let logger: Logger
    private let state = NIOLockedValueBox(State())

    init(url: String, logger: Logger) {
        self.url = url
        self.logger = logger
    }

    /// Writes the batch in one transaction and answers its verdicts; nil when the write found a
    /// solve the lock should have kept out (the batch was rolled back: `AttemptDesk` writes it
    /// again statement by statement).
    func write(_ attempts: [AttemptDesk.Attempt]) async throws -> [AttemptVerdict]? {
        let connection = try await connection()
        return try await Self.batch(attempts, on: connection.sql()).get()
    }

    static func batch(_ attempts: [AttemptDesk.Attempt], on sql: any SQLDatabase) -> EventLoopFuture<[AttemptVerdict]?> {
        let entries = attempts.map { AttemptBatch.Entry(key: $0.key, correct: $0.correct, maxAttempts: $0.maxAttempts) }
        let keys = Set(entries.map(\.key))
        var locked = sql.raw("BEGIN").run()
        for edition in Set(attempts.map(\.editionID)).sorted() {
            locked = locked.flatMap { sql.raw(TransactionLock.statement("ctf-attempts:\(edition)")).run() }
        }
        let written = locked
            .flatMap { sql.raw(AttemptWrites.stateQuery(keys)).all() }
            .flatMapThrowing { rows in try AttemptWrites.state(from: rows, keys: keys) }
            .flatMap { used, solved -> EventLoopFuture<[AttemptVerdict]?> in
                let outcome = AttemptBatch.judge(entries, used: used, solved: solved)
                let solves = outcome.solves.map { attempts[$0] }
                let counted = zip(attempts, outcome.verdicts).filter { $0.1.isCounted }.map(\.0)
                guard let query = AttemptWrites.combinedQuery(counters: outcome.used, solves: solves, counted: counted,
                                                              bump: Set(solves.map(\.editionID)).sorted()) else {
                    return sql.eventLoop.makeSucceededFuture(outcome.verdicts)
                }
                let expected = Set(solves.map(\.key))
                return sql.raw(query).all().flatMapThrowing { rows in try AttemptWrites.keys(of: rows) == expected ? outcome.verdicts : nil }
            }
        return written
            .flatMap { verdicts in sql.raw(verdicts == nil ? "ROLLBACK" : "COMMIT").run().map { verdicts } }
            .flatMapError { error in
                sql.raw("ROLLBACK").run().flatMapErrorThrowing { _ in }.flatMapThrowing { () throws -> [AttemptVerdict]? in throw error }
            }
    }

    /// The open connection, opened (again) when there is none.
    private func connection() async throws -> PostgresConnection {
        let pending: EventLoopFuture<PostgresConnection> = try state.withLockedValue { s in
            if let open = s.connection { return open }
            let group = s.group ?? MultiThreadedEventLoopGroup(numberOfThreads: 1)
            s.group = group
            let opening = PostgresConnection.connect(on: group.next(), configuration: try SQLPostgresConfiguration(url: url).coreConfiguration,
                                                     id: 1, logger: logger)
            s.connection = opening
            return opening
        }
        do {
            let connection = try await pending.get()
            if !connection.isClosed { return connection }
        } catch {
            forget(pending)
            throw error
        }
        forget(pending)
        return try await connection()
    }

    private func forget(_ connection: EventLoopFuture<PostgresConnection>) {
        state.withLockedValue { s in if s.connection === connection { s.connection = nil } }
    }

    func shutdownAsync(_ app: Application) async {
        let (group, connection) = state.withLockedValue { s in
            defer { s = State() }
            return (s.group, s.connection)
        }
        if let open = try? await connection?.get() { try? await open.close() }
        try? await group?.shutdownGracefully()
    }
}

extension Application {
    private struct AttemptLineKey: StorageKey { typealias Value = AttemptLine }

    /// PostgreSQL only (nil on SQLite).
    var attemptLine: AttemptLine? {
        get { storage[AttemptLineKey.self] }
        set { storage[AttemptLineKey.self] = newValue }
    }
}
