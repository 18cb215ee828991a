import Fluent

/// Everyday forms: a participant added on site at an event's check-in may give the company they
/// come from (empty for the registrations made before, and for those made on the event's page).
struct M026EverydayForms: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("registrations").field("company", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("registrations").deleteField("company").update()
    }
}
