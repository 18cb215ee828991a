import Fluent

struct M002CreatePeople: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("people")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("first_name", .string, .required)
            .field("last_name", .string, .required)
            .field("email", .string, .required)
            .field("phone", .string, .required)
            .field("gender", .string)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on db: any Database) async throws { try await db.schema("people").delete() }
}
