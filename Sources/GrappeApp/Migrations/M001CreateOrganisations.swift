import Fluent

struct M001CreateOrganisations: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("organisations")
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("full_name", .string, .required)
            .field("address", .string, .required)
            .field("email", .string, .required)
            .field("phone", .string, .required)
            .field("website", .string, .required)
            .field("manager_name", .string, .required)
            .field("currency", .string, .required)
            .field("time_zone", .string, .required)
            .field("statutes", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "slug")
            .create()
    }

    func revert(on db: any Database) async throws { try await db.schema("organisations").delete() }
}
