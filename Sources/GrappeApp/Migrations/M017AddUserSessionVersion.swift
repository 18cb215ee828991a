import Fluent
import FluentSQL
import SQLKit

/// `users.session_version`: each session remembers the version it was opened under; a password
/// reset raises it, which ends every session opened before.
struct M017AddUserSessionVersion: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("users").field("session_version", .int, .required, .sql(.default(0))).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("users").deleteField("session_version").update()
    }
}
