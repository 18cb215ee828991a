import Fluent

struct M011CreateAssemblies: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("assemblies")
            .id()
            .field("event_id", .uuid, .required, .references("events", "id", onDelete: .cascade))
            .field("quorum_percent", .int, .required)
            .field("max_proxies", .int, .required)
            .field("convened_at", .datetime)
            .unique(on: "event_id")
            .create()
        try await db.schema("assembly_attendances")
            .id()
            .field("assembly_id", .uuid, .required, .references("assemblies", "id", onDelete: .cascade))
            .field("company_id", .uuid, .required, .references("companies", "id", onDelete: .cascade))
            .field("status", .string, .required)
            .field("proxy_company_id", .uuid, .references("companies", "id", onDelete: .setNull))
            .unique(on: "assembly_id", "company_id")
            .create()
        try await db.schema("resolutions")
            .id()
            .field("assembly_id", .uuid, .required, .references("assemblies", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("title", .string, .required)
            .field("votes_for", .int, .required)
            .field("votes_against", .int, .required)
            .field("abstentions", .int, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        for table in ["resolutions", "assembly_attendances", "assemblies"] { try await db.schema(table).delete() }
    }
}
