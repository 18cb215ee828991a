import Fluent

struct M007CreateAuditAndOutbox: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("audit_entries")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("user_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("actor", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .uuid, .required)
            .field("action", .string, .required)
            .field("changes", .string, .required)
            .field("reason", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema("outbox_messages")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("last_error", .string, .required)
            .field("sent_at", .datetime)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("outbox_messages").delete()
        try await db.schema("audit_entries").delete()
    }
}
