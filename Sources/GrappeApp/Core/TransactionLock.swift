import Fluent
import Foundation
import SQLKit

/// Makes a check-then-write inside a transaction safe against the same check running at the same
/// moment in another request (or another Grappe instance): a due's balance before a payment, an
/// event's free seats, the next due number, an address not yet subscribed.
///
/// On PostgreSQL it takes a transaction-scoped advisory lock on `key`, released at commit or
/// rollback, so it holds across instances sharing the database. On SQLite there is nothing to do:
/// transactions already run one at a time (`WriteGate`, `BEGIN IMMEDIATE`).
enum TransactionLock {
    static func acquire(_ key: String, on db: any Database) async throws {
        precondition(db.inTransaction, "TransactionLock is taken inside a transaction")
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw(statement(key)).run()
    }

    /// PostgreSQL's statement for `key` (`AttemptLine` runs it on its own connection).
    static func statement(_ key: String) -> SQLQueryString {
        "SELECT pg_advisory_xact_lock(hashtextextended(\(bind: key), 0))"
    }
}
