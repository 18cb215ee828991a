import Fluent
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import SQLKit

/// How Grappe writes to SQLite without ever answering « database is locked ».
///
/// SQLite has one writer at a time. Fluent keeps one connection per event loop and opens its
/// transactions with a plain (deferred) `BEGIN`: a transaction that reads, then writes while
/// another connection holds the write lock, gets SQLITE_BUSY at once — the busy handler is not
/// even called, because waiting could deadlock. That is where the 500s of a burst came from.
///
/// So, on SQLite only:
/// - the file is in WAL mode (`configure` sets it): readers never wait for the writer, nor it
///   for them;
/// - every write — a Fluent create, update or delete, a schema change, a raw statement that is
///   not a `SELECT`, and every transaction — first takes this process's `WriteGate`, so that
///   writers queue in memory (suspended tasks, no thread spinning on a lock) and reach SQLite
///   one at a time;
/// - transactions start with `BEGIN IMMEDIATE`, taking SQLite's write lock before their first
///   read, so no snapshot can go stale between a read and a write.
/// A request waits its turn; it is never refused. Since every write passes here, this is also
/// where a committed write to a watched table (`WriteWatch`) empties the caches that depend on
/// it (`SignInCache`). A SQLite file is used by one Grappe process
/// (two processes on one file are not supported), so an in-process gate is enough; PostgreSQL
/// does not go through any of this.
actor WriteGate {
    private var held = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard held else { held = true; return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { held = false } else { waiters.removeFirst().resume() }
    }

    func withWrite<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            let value = try await body()
            release()
            return value
        } catch {
            release()
            throw error
        }
    }
}

/// Tables whose committed writes call `changed`.
struct WriteWatch: Sendable {
    let tables: Set<String>
    let changed: @Sendable () -> Void

    func covers(_ statement: String) -> Bool {
        let lower = statement.lowercased()
        return tables.contains { lower.contains($0) }
    }
}

/// The SQLite configuration of `DatabaseConfigurationFactory.sqlite`, whose databases write
/// through one `WriteGate`.
struct GatedSQLiteConfiguration: DatabaseConfiguration {
    var base: any DatabaseConfiguration
    let watch: WriteWatch

    var middleware: [any AnyModelMiddleware] {
        get { base.middleware }
        set { base.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        GatedSQLiteDriver(base: base.makeDriver(for: databases), gate: WriteGate(), watch: watch)
    }

    static func factory(_ base: DatabaseConfigurationFactory, watch: WriteWatch) -> DatabaseConfigurationFactory {
        DatabaseConfigurationFactory { GatedSQLiteConfiguration(base: base.make(), watch: watch) }
    }
}

struct GatedSQLiteDriver: DatabaseDriver {
    let base: any DatabaseDriver
    let gate: WriteGate
    let watch: WriteWatch

    func makeDatabase(with context: DatabaseContext) -> any Database {
        GatedSQLiteDatabase(base: base.makeDatabase(with: context), gate: gate, watch: watch, inTransaction: false)
    }

    func shutdown() { base.shutdown() }
    func shutdownAsync() async { await base.shutdownAsync() }
}

/// Forwards everything to the driver's database; writes and transactions pass the gate. A
/// database handed out by `withConnection` or `transaction` holds the gate for as long as the
/// connection is held, so no task ever holds a connection while it waits for the gate.
struct GatedSQLiteDatabase: Database, SQLDatabase {
    let base: any Database
    let gate: WriteGate
    let watch: WriteWatch
    let inTransaction: Bool
    var holdsGate = false
    /// In a transaction: whether it wrote to a watched table (told after the commit).
    var touched: NIOLockedValueBox<Bool>? = nil

    private var sql: any SQLDatabase { base as! any SQLDatabase }

    var context: DatabaseContext { base.context }

    /// Runs `work` holding the gate; `watched` when it writes to a watched table.
    private func write<T: Sendable>(watched: Bool, _ work: @escaping @Sendable () -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let done: EventLoopFuture<T>
        if holdsGate {
            done = work()
        } else {
            let gate = self.gate
            done = eventLoop.makeFutureWithTask { try await gate.withWrite { try await work().get() } }
        }
        guard watched else { return done }
        if let touched {
            touched.withLockedValue { $0 = true }
            return done
        }
        let watch = self.watch
        return done.always { _ in watch.changed() }
    }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        switch query.action {
        case .read, .aggregate: return base.execute(query: query, onOutput: onOutput)
        default:
            return write(watched: watch.tables.contains(query.schema)) { [base] in base.execute(query: query, onOutput: onOutput) }
        }
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> {
        write(watched: true) { [base] in base.execute(schema: schema) }
    }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> {
        base.execute(enum: `enum`)
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let gate = self.gate, watch = self.watch, inTransaction = self.inTransaction, touched = self.touched
        let run = { [base] in
            base.withConnection { conn in
                closure(GatedSQLiteDatabase(base: conn, gate: gate, watch: watch, inTransaction: inTransaction, holdsGate: true, touched: touched))
                    .map { UncheckedBox(value: $0) }
            }
        }
        if holdsGate { return run().map { $0.value } }
        return eventLoop.makeFutureWithTask { try await gate.withWrite { try await run().get() } }.map { $0.value }
    }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        if inTransaction { return closure(self) }
        let gate = self.gate, watch = self.watch
        // On one connection, holding the gate: `BEGIN IMMEDIATE` takes SQLite's write lock now.
        let run = { @Sendable (conn: any Database) -> EventLoopFuture<UncheckedBox<T>> in
            conn.eventLoop.makeFutureWithTask {
                let sql = conn as! any SQLDatabase
                let touched = NIOLockedValueBox(false)
                let db = GatedSQLiteDatabase(base: conn, gate: gate, watch: watch, inTransaction: true, holdsGate: true, touched: touched)
                try await sql.raw("BEGIN IMMEDIATE TRANSACTION").run()
                do {
                    let value = try await closure(db).get()
                    try await sql.raw("COMMIT TRANSACTION").run()
                    if touched.withLockedValue({ $0 }) { watch.changed() }
                    return UncheckedBox(value: value)
                } catch {
                    try? await sql.raw("ROLLBACK TRANSACTION").run()
                    throw error
                }
            }
        }
        if holdsGate { return run(base).map { $0.value } }
        return eventLoop.makeFutureWithTask { [base] in
            try await gate.withWrite { try await base.withConnection(run).get() }
        }.map { $0.value }
    }

    // SQLDatabase

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { sql.version }
    var dialect: any SQLDialect { sql.dialect }
    var queryLogLevel: Logger.Level? { sql.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        let sql = self.sql
        let statement = sql.serialize(query).sql
        guard Self.writes(statement) else { return sql.execute(sql: query, onRow) }
        return write(watched: watch.covers(statement)) { sql.execute(sql: query, onRow) }
    }

    /// Everything but a plain read takes the gate (a `WITH … UPDATE` included).
    static func writes(_ statement: String) -> Bool {
        let head = statement.drop { $0.isWhitespace || $0 == "(" }.prefix(7).uppercased()
        return !(head.hasPrefix("SELECT") || head.hasPrefix("EXPLAIN"))
    }
}

/// `T` is not Sendable in Fluent's signatures; the value only travels back to the caller that
/// asked for it.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
}
