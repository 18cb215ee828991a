import Fluent
import SQLKit

/// Governance, commissions and clubs: groups, their members, mandates, meetings and attendance.
struct M009CreateGroups: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("cluster_groups")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("slug", .string, .required)
            .field("description", .string, .required)
            .field("founded_on", .datetime)
            .field("active", .bool, .required)
            .field("rule_ordinal", .int)
            .field("rule_weekday", .int)
            .field("rule_start", .int)
            .field("rule_end", .int)
            .field("created_at", .datetime)
            .unique(on: "organisation_id", "slug")
            .create()
        try await db.schema("group_members")
            .id()
            .field("group_id", .uuid, .required, .references("cluster_groups", "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("active", .bool, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "group_id", "person_id")
            .create()
        try await db.schema("mandates")
            .id()
            .field("group_id", .uuid, .required, .references("cluster_groups", "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references("people", "id"))
            .field("company_id", .uuid, .references("companies", "id", onDelete: .setNull))
            .field("holder_label", .string, .required)
            .field("role", .string, .required)
            .field("rank", .int, .required)
            .field("elected_on", .datetime, .required)
            .field("term_years", .int, .required)
            .field("ends_on", .datetime, .required)
            .field("voting", .bool, .required)
            .create()
        try await db.schema("meetings")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("group_id", .uuid, .references("cluster_groups", "id", onDelete: .cascade))
            .field("institution", .string, .required)
            .field("title", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("place", .string, .required)
            .field("status", .string, .required)
            .field("agenda", .string, .required)
            .field("minutes", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema("attendances")
            .id()
            .field("meeting_id", .uuid, .required, .references("meetings", "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("status", .string, .required)
            .unique(on: "meeting_id", "person_id")
            .create()
        if let sql = db as? any SQLDatabase {
            try await sql.raw("CREATE INDEX idx_meetings_group_start ON meetings (group_id, starts_at)").run()
            try await sql.raw("CREATE INDEX idx_attendances_person ON attendances (person_id)").run()
            try await sql.raw("CREATE INDEX idx_mandates_ends ON mandates (ends_on)").run()
        }
    }

    func revert(on db: any Database) async throws {
        for table in ["attendances", "meetings", "mandates", "group_members", "cluster_groups"] {
            try await db.schema(table).delete()
        }
    }
}
