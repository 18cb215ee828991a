import FluentPostgresDriver
import FluentSQLiteDriver
import GrappeDomain
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLKit
import Vapor

/// The connection flag submissions are written on, alone on its own thread, on either database.
///
/// A batch is a handful of statements (`AttemptDesk.write`), and the edition's lock is held from
/// the first read to the commit. Through the pool, each answer waited its turn on an event loop
/// busy with HTTP: PostgreSQL's statement log showed 2–3 ms between two statements of a batch at
/// 64 clients, for about 3 ms of work in the database. Here each statement follows the previous
/// answer at once: the batch is one EventLoopFuture chain on this connection's own loop, with no
/// task hop in between. Measured with `Benchmarks/ctf.sh` at 64 clients, PostgreSQL went from
/// 2 700 to 6 500 attempts/s with it.
///
/// - PostgreSQL: begin, the edition's advisory lock, one read, every write in one statement
///   (`AttemptWrites.combinedQuery`), commit.
/// - SQLite: the process's `WriteGate` is held for the batch, as for every write, and the
///   transaction begins IMMEDIATE; SQLite has no writing CTE, so the writes are one per table.
///   The connection is opened on the same file, in WAL mode, with foreign keys on and
///   `synchronous = NORMAL`, as the pool's.
///
/// One connection per instance, outside the pool, opened on first use and again after a loss.
/// Its writes are not reported to `WriteWatch`: attempts, counters and solves are on no cached
/// page (the boards follow `board_version`), and during a CTF every batch would otherwise empty
/// every instance's page cache.
final class AttemptLine: LifecycleHandler, Sendable {
    enum Target: Sendable {
        case postgres(url: String)
        case sqlite(path: String, gate: WriteGate)
    }

    private struct State {
        var group: MultiThreadedEventLoopGroup?
        var connection: EventLoopFuture<any LineConnection>?
        /// After shutdown: no connection is opened again, batches go to the pool.
        var stopped = false
    }

    private let target: Target
    private let threadPool: NIOThreadPool
    private let logger: Logger
    private let state = NIOLockedValueBox(State())
    /// One batch at a time on the connection, and shutdown waits for the one being written:
    /// SQLite's process-wide write gate, or a gate of the line's own on PostgreSQL.
    private let turn: WriteGate

    init(target: Target, threadPool: NIOThreadPool, logger: Logger) {
        self.target = target
        switch target {
        case .postgres: turn = WriteGate()
        case .sqlite(_, let gate): turn = gate
        }
        self.threadPool = threadPool
        self.logger = logger
    }

    /// Writes the batch in one transaction and answers its verdicts; nil when the write found a
    /// solve the lock should have kept out (the batch was rolled back: `AttemptDesk` writes it
    /// again statement by statement).
    func write(_ attempts: [AttemptDesk.Attempt]) async throws -> [AttemptVerdict]? {
        let postgres = if case .postgres = target { true } else { false }
        return try await turn.withWrite {
            guard let connection = try await self.connection() else { return nil }
            return try await Self.batch(attempts, on: connection.database, postgres: postgres, combined: postgres).get()
        }
    }

    /// The batch as one chain on `sql`'s connection: its writes `combined` in one statement
    /// (PostgreSQL only; nil when the solves inserted are not the ones judged) or one per table.
    static func batch(_ attempts: [AttemptDesk.Attempt], on sql: any SQLDatabase, postgres: Bool, combined: Bool) -> EventLoopFuture<[AttemptVerdict]?> {
        let entries = attempts.map { AttemptBatch.Entry(key: $0.key, correct: $0.correct, maxAttempts: $0.maxAttempts) }
        let keys = Set(entries.map(\.key))
        var locked = sql.raw(postgres ? "BEGIN" : "BEGIN IMMEDIATE TRANSACTION").run()
        if postgres {
            for edition in Set(attempts.map(\.editionID)).sorted() {
                locked = locked.flatMap { sql.raw(TransactionLock.statement("ctf-attempts:\(edition)")).run() }
            }
        }
        let written = locked
            .flatMap { sql.raw(AttemptWrites.stateQuery(keys)).all() }
            .flatMapThrowing { rows in try AttemptWrites.state(from: rows, keys: keys) }
            .flatMap { used, solved -> EventLoopFuture<[AttemptVerdict]?> in
                let outcome = AttemptBatch.judge(entries, used: used, solved: solved)
                return combined ? combinedWrite(outcome, attempts, on: sql) : oneByOne(outcome, attempts, on: sql)
            }
        return written
            .flatMap { verdicts in sql.raw(verdicts == nil ? "ROLLBACK" : "COMMIT").run().map { verdicts } }
            .flatMapError { error in
                sql.raw("ROLLBACK").run().flatMapErrorThrowing { _ in }.flatMapThrowing { () throws -> [AttemptVerdict]? in throw error }
            }
    }

    /// PostgreSQL: every write in one statement; nil when the solves inserted are not the ones judged.
    private static func combinedWrite(_ outcome: AttemptBatch.Outcome, _ attempts: [AttemptDesk.Attempt], on sql: any SQLDatabase) -> EventLoopFuture<[AttemptVerdict]?> {
        let solves = outcome.solves.map { attempts[$0] }
        let counted = zip(attempts, outcome.verdicts).filter { $0.1.isCounted }.map(\.0)
        guard let query = AttemptWrites.combinedQuery(counters: outcome.used, solves: solves, counted: counted,
                                                      bump: Set(solves.map(\.editionID)).sorted()) else {
            return sql.eventLoop.makeSucceededFuture(outcome.verdicts)
        }
        let expected = Set(solves.map(\.key))
        return sql.raw(query).all().flatMapThrowing { rows in try AttemptWrites.keys(of: rows) == expected ? outcome.verdicts : nil }
    }

    /// Counters, solves, the log (200 rows a statement) and the board versions; a solve already
    /// there makes the attempt « already solved » and uncounted.
    private static func oneByOne(_ outcome: AttemptBatch.Outcome, _ attempts: [AttemptDesk.Attempt], on sql: any SQLDatabase) -> EventLoopFuture<[AttemptVerdict]?> {
        let solves = outcome.solves.map { attempts[$0] }
        let counters = outcome.used.isEmpty ? sql.eventLoop.makeSucceededVoidFuture() : sql.raw(AttemptWrites.countersStatement(outcome.used)).run()
        let inserted: EventLoopFuture<Set<AttemptKey>> = solves.isEmpty ? counters.map { [] } : counters.flatMap {
            sql.raw("\(AttemptWrites.solvesStatement(solves)) RETURNING challenge_id, team_id").all().flatMapThrowing { try AttemptWrites.keys(of: $0) }
        }
        return inserted.flatMap { inserted in
            var verdicts = outcome.verdicts
            for i in outcome.solves where !inserted.contains(attempts[i].key) { verdicts[i] = .alreadySolved }
            let counted = zip(attempts, verdicts).filter { $0.1.isCounted }.map(\.0)
            var steps = sql.eventLoop.makeSucceededVoidFuture()
            for start in stride(from: 0, to: counted.count, by: 200) {
                steps = steps.flatMap { sql.raw(AttemptWrites.logStatement(counted[start..<min(start + 200, counted.count)])).run() }
            }
            let editions = Set(solves.filter { inserted.contains($0.key) }.map(\.editionID)).sorted()
            if !editions.isEmpty { steps = steps.flatMap { sql.raw(CTFVersion.statement(editions)).run() } }
            let verdictsWritten = verdicts
            return steps.map { verdictsWritten }
        }
    }

    /// The open connection, opened (again) when there is none; nil once the line has stopped.
    private func connection() async throws -> (any LineConnection)? {
        let pending: EventLoopFuture<any LineConnection>? = try state.withLockedValue { s in
            if s.stopped { return nil }
            if let open = s.connection { return open }
            let group = s.group ?? MultiThreadedEventLoopGroup(numberOfThreads: 1)
            s.group = group
            let opening = try open(on: group.next())
            s.connection = opening
            return opening
        }
        guard let pending else { return nil }
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

    private func open(on loop: any EventLoop) throws -> EventLoopFuture<any LineConnection> {
        switch target {
        case .postgres(let url):
            return PostgresConnection.connect(on: loop, configuration: try SQLPostgresConfiguration(url: url).coreConfiguration, id: 1, logger: logger)
                .map { $0 as any LineConnection }
        case .sqlite(let path, _):
            return SQLiteConnection.open(storage: .file(path: path), threadPool: threadPool, logger: logger, on: loop).flatMap { connection in
                let sql = connection.sql()
                return sql.raw("PRAGMA foreign_keys = ON").run()
                    .flatMap { sql.raw("PRAGMA synchronous = NORMAL").run() }
                    .flatMap { sql.raw("PRAGMA busy_timeout = 60000").run() }
                    .map { connection as any LineConnection }
            }
        }
    }

    private func forget(_ connection: EventLoopFuture<any LineConnection>) {
        state.withLockedValue { s in if s.connection === connection { s.connection = nil } }
    }

    /// Waits for the batch being written, then closes: later batches go to the pool.
    func shutdownAsync(_ app: Application) async {
        await turn.acquire()
        let (group, connection) = state.withLockedValue { s in
            defer { s = State(stopped: true) }
            return (s.group, s.connection)
        }
        if let open = try? await connection?.get() { try? await open.close().get() }
        await turn.release()
        try? await group?.shutdownGracefully()
    }
}

/// A line's connection, on either database.
protocol LineConnection: Sendable {
    var database: any SQLDatabase { get }
    var isClosed: Bool { get }
    func close() -> EventLoopFuture<Void>
}

extension PostgresConnection: LineConnection {
    var database: any SQLDatabase { sql() }
}

extension SQLiteConnection: LineConnection {
    var database: any SQLDatabase { sql() }
}

extension Application {
    private struct AttemptLineKey: StorageKey { typealias Value = AttemptLine }

    var attemptLine: AttemptLine? {
        get { storage[AttemptLineKey.self] }
        set { storage[AttemptLineKey.self] = newValue }
    }
}
