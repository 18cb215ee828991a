import Fluent
import NIOConcurrencyHelpers
import NIOCore
import SQLKit

/// A database configuration whose databases report every committed write to a `WriteWatch`,
/// and on SQLite also write through one `WriteGate`. Both drivers go through it: the watch is
/// what keeps `SignInCache` and `PageCache` exact.
struct WatchedConfiguration: DatabaseConfiguration {
    var base: any DatabaseConfiguration
    let watch: WriteWatch
    /// SQLite: writes queue on one gate and transactions begin IMMEDIATE. PostgreSQL: false.
    let gated: Bool

    var middleware: [any AnyModelMiddleware] {
        get { base.middleware }
        set { base.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        WatchedDriver(base: base.makeDriver(for: databases), gate: gated ? WriteGate() : nil, watch: watch)
    }

    static func factory(_ base: DatabaseConfigurationFactory, watch: WriteWatch, gated: Bool) -> DatabaseConfigurationFactory {
        DatabaseConfigurationFactory { WatchedConfiguration(base: base.make(), watch: watch, gated: gated) }
    }
}

struct WatchedDriver: DatabaseDriver {
    let base: any DatabaseDriver
    let gate: WriteGate?
    let watch: WriteWatch

    func makeDatabase(with context: DatabaseContext) -> any Database {
        WatchedDatabase(base: base.makeDatabase(with: context), gate: gate, watch: watch, inTransaction: false)
    }

    func shutdown() { base.shutdown() }
    func shutdownAsync() async { await base.shutdownAsync() }
}

/// Forwards everything to the driver's database. Writes report to the watch once committed
/// (in a transaction: after its commit, all at once). With a gate (SQLite), writes and
/// transactions pass it first; a database handed out by `withConnection` or `transaction`
/// holds the gate for as long as the connection is held, so no task ever holds a connection
/// while it waits for the gate.
struct WatchedDatabase: Database, SQLDatabase {
    let base: any Database
    let gate: WriteGate?
    let watch: WriteWatch
    let inTransaction: Bool
    var holdsGate = false
    /// In a transaction: what it wrote (told after the commit).
    var touched: NIOLockedValueBox<WriteKind>? = nil

    private var sql: any SQLDatabase { base as! any SQLDatabase }

    var context: DatabaseContext { base.context }

    private func with(base: any Database, inTransaction: Bool, holdsGate: Bool, touched: NIOLockedValueBox<WriteKind>?) -> WatchedDatabase {
        WatchedDatabase(base: base, gate: gate, watch: watch, inTransaction: inTransaction, holdsGate: holdsGate, touched: touched)
    }

    /// Runs `work` holding the gate if there is one; reports `kind` once it is committed.
    private func write<T: Sendable>(_ kind: WriteKind, _ work: @escaping @Sendable () -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let done: EventLoopFuture<T>
        if let gate, !holdsGate {
            done = eventLoop.makeFutureWithTask { try await gate.withWrite { try await work().get() } }
        } else {
            done = work()
        }
        guard !kind.isEmpty else { return done }
        if let touched {
            touched.withLockedValue { $0.formUnion(kind) }
            return done
        }
        let watch = self.watch
        return done.always { _ in watch.changed(kind) }
    }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        switch query.action {
        case .read, .aggregate: return base.execute(query: query, onOutput: onOutput)
        default: return write(watch.kind(schema: query.schema)) { [base] in base.execute(query: query, onOutput: onOutput) }
        }
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> {
        write(.all) { [base] in base.execute(schema: schema) }
    }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> {
        write(.all) { [base] in base.execute(enum: `enum`) }
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let inTransaction = self.inTransaction, touched = self.touched, wrap = self.with
        let gated = gate != nil
        let run = { [base] in
            base.withConnection { conn in
                closure(wrap(conn, inTransaction, gated, touched)).map { UncheckedBox(value: $0) }
            }
        }
        guard let gate, !holdsGate else { return run().map { $0.value } }
        return eventLoop.makeFutureWithTask { try await gate.withWrite { try await run().get() } }.map { $0.value }
    }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        if inTransaction { return closure(self) }
        let watch = self.watch, wrap = self.with
        let touched = NIOLockedValueBox<WriteKind>([])
        let report = { @Sendable in
            let kind = touched.withLockedValue { $0 }
            if !kind.isEmpty { watch.changed(kind) }
        }
        guard let gate else {
            // PostgreSQL: the driver's own transaction; the watch hears of it once committed.
            return base.transaction { conn in closure(wrap(conn, true, false, touched)) }.map { value in
                report()
                return value
            }
        }
        // SQLite, on one connection, holding the gate: `BEGIN IMMEDIATE` takes the write lock now.
        let run = { @Sendable (conn: any Database) -> EventLoopFuture<UncheckedBox<T>> in
            conn.eventLoop.makeFutureWithTask {
                let sql = conn as! any SQLDatabase
                // WAL with `synchronous = NORMAL` (per connection, so said again here): a commit
                // is written to the WAL before it is answered, so it survives the process being
                // killed; only a power cut may lose the last commits, never corrupt the file.
                try await sql.raw("PRAGMA synchronous = NORMAL").run()
                try await sql.raw("BEGIN IMMEDIATE TRANSACTION").run()
                do {
                    let value = try await closure(wrap(conn, true, true, touched)).get()
                    try await sql.raw("COMMIT TRANSACTION").run()
                    report()
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
        return write(watch.kind(statement: statement)) { sql.execute(sql: query, onRow) }
    }

    /// Everything but a plain read is a write (a `WITH … UPDATE` included).
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
