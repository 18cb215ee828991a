import Fluent

struct M006CreateDues: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("fee_schedules")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("year", .int, .required)
            .field("prorata_rule", .string, .required)
            .field("payment_days", .int, .required)
            .unique(on: "organisation_id", "year")
            .create()
        try await db.schema("fee_brackets")
            .id()
            .field("schedule_id", .uuid, .required, .references("fee_schedules", "id", onDelete: .cascade))
            .field("category", .string, .required)
            .field("min_headcount", .int, .required)
            .field("max_headcount", .int)
            .field("amount", .int, .required)
            .create()
        try await db.schema("dues")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("membership_id", .uuid, .required, .references("memberships", "id"))
            .field("company_id", .uuid, .required, .references("companies", "id"))
            .field("year", .int, .required)
            .field("sequence", .int, .required)
            .field("number", .string, .required)
            .field("category", .string, .required)
            .field("headcount", .int, .required)
            .field("bracket_label", .string, .required)
            .field("base_amount", .int, .required)
            .field("amount", .int, .required)
            .field("issued_on", .datetime, .required)
            .field("due_on", .datetime, .required)
            .field("last_reminded_at", .datetime)
            .field("reminder_count", .int, .required)
            .field("created_at", .datetime)
            .unique(on: "organisation_id", "year", "sequence")
            .unique(on: "membership_id")
            .create()
        try await db.schema("payments")
            .id()
            .field("due_id", .uuid, .required, .references("dues", "id"))
            .field("paid_on", .datetime, .required)
            .field("amount", .int, .required)
            .field("method", .string, .required)
            .field("reference", .string, .required)
            .field("recorded_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("created_at", .datetime)
            .create()
    }

    func revert(on db: any Database) async throws {
        for table in ["payments", "dues", "fee_brackets", "fee_schedules"] {
            try await db.schema(table).delete()
        }
    }
}
