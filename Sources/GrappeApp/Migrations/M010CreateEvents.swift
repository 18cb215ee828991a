import Fluent
import SQLKit

struct M010CreateEvents: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("events")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("host_company_id", .uuid, .references("companies", "id", onDelete: .setNull))
            .field("place", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("capacity", .int, .required)
            .field("audience", .string, .required)
            .field("axes", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema("registrations")
            .id()
            .field("event_id", .uuid, .required, .references("events", "id", onDelete: .cascade))
            .field("person_id", .uuid, .references("people", "id", onDelete: .setNull))
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("status", .string, .required)
            .field("token", .string, .required)
            .field("checked_in_at", .datetime)
            .field("reminded_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "event_id", "email")
            .unique(on: "token")
            .create()
        if let sql = db as? any SQLDatabase {
            try await sql.raw("CREATE INDEX idx_events_start ON events (organisation_id, starts_at)").run()
            try await sql.raw("CREATE INDEX idx_registrations_event ON registrations (event_id, status, created_at)").run()
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema("registrations").delete()
        try await db.schema("events").delete()
    }
}
