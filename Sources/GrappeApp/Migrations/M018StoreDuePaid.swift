import Fluent
import FluentSQL
import SQLKit

/// `dues.paid`: what was paid on a due, kept in the same transaction as its payments
/// (`DuesService`), so that lists no longer sum every payment of the year on every request.
struct M018StoreDuePaid: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("dues").field("paid", .int64, .required, .sql(.default(0))).update()
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("UPDATE dues SET paid = COALESCE((SELECT SUM(p.amount) FROM payments p WHERE p.due_id = dues.id), 0)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("dues").deleteField("paid").update()
    }
}
