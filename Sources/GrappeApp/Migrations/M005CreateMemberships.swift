import Fluent

struct M005CreateMemberships: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("memberships")
            .id()
            .field("company_id", .uuid, .required, .references("companies", "id", onDelete: .cascade))
            .field("year", .int, .required)
            .field("category", .string, .required)
            .field("status", .string, .required)
            .field("start_date", .datetime, .required)
            .field("end_date", .datetime)
            .field("holder_id", .uuid, .references("people", "id", onDelete: .setNull))
            .field("created_at", .datetime)
            .unique(on: "company_id", "year")
            .create()
    }

    func revert(on db: any Database) async throws { try await db.schema("memberships").delete() }
}
