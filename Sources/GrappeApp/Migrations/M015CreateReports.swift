import Fluent

/// The annual report: editorial texts (versioned per year), communication figures entered by
/// hand with their source, and frozen copies as published.
struct M015CreateReports: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("report_texts")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("year", .int, .required)
            .field("kind", .string, .required)
            .field("version", .int, .required)
            .field("body", .string, .required)
            .field("author_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("created_at", .datetime)
            .unique(on: "organisation_id", "year", "kind", "version")
            .create()
        try await db.schema("communication_figures")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("year", .int, .required)
            .field("channel", .string, .required)
            .field("metric", .string, .required)
            .field("value", .int, .required)
            .field("source", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "organisation_id", "year", "channel", "metric")
            .create()
        try await db.schema("frozen_reports")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("year", .int, .required)
            .field("html", .string, .required)
            .field("pdf", .data)
            .field("frozen_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("frozen_at", .datetime, .required)
            .unique(on: "organisation_id", "year")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("frozen_reports").delete()
        try await db.schema("communication_figures").delete()
        try await db.schema("report_texts").delete()
    }
}
