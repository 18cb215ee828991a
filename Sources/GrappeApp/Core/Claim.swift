import Foundation
import Fluent
import SQLKit

/// Moves a row from one status to another only if it is still in the first one, atomically:
/// of two clicks, two tabs or two staff members, exactly one wins.
enum Claim {
    /// True when this call changed the row (it was in `from`).
    static func status(_ db: any Database, table: String, id: UUID, from: String, to: String) async throws -> Bool {
        let row = try await db.sql.raw("""
            UPDATE \(ident: table) SET status = \(bind: to) WHERE id = \(bind: id) AND status = \(bind: from) RETURNING id
            """).first()
        return row != nil
    }
}
