import Fluent
import FluentSQL
import SQLKit

/// The diagnostic's second half: a closed diagnostic keeps its scores in columns (overall, level,
/// one per DMA dimension), written in the closing transaction and recomputable from the raw
/// answers, so that the figures are averaged in SQL; a follow-up names the diagnostic it follows;
/// a request whose contact was erased says when. `diagnostic_settings` holds an organisation's
/// settings for the diagnostic (Réglages): the grant's rules as JSON (empty: the Province Sud's)
/// and how many months a request's contact details are kept; no row means the defaults. (A table
/// of its own: M022 reads organisations through the model, so the model cannot gain columns.)
struct M023DiagnosticResults: AsyncMigration {
    /// One column per DMA dimension, `score_` and the dimension's raw value.
    static let dimensionColumns = ["score_strategy", "score_readiness", "score_human_centric", "score_data", "score_automation", "score_green"]

    func prepare(on db: any Database) async throws {
        // SQLite adds one column per ALTER TABLE; a foreign key cannot be added by one, so
        // `follows_id` is checked by the code that sets it (same organisation, closed, earlier).
        let added: [(String, DatabaseSchema.DataType)] = [("overall_score", .double), ("level", .string), ("follows_id", .uuid)]
            + Self.dimensionColumns.map { ($0, .double) }
        for (name, type) in added {
            try await db.schema("diagnostics").field(.string(name), type).update()
        }
        try await db.schema("diagnostic_requests").field("erased_at", .datetime).update()
        try await db.schema("diagnostic_settings")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("grant_rules", .string, .required)
            .field("retention_months", .int, .required)
            .field("updated_at", .datetime)
            .unique(on: "organisation_id")
            .create()
        if let sql = db as? any SQLDatabase {
            try await sql.raw("CREATE INDEX idx_diagnostics_closed ON diagnostics (organisation_id, status, closed_at)").run()
        }
    }

    func revert(on db: any Database) async throws {
        for name in ["overall_score", "level", "follows_id"] + Self.dimensionColumns {
            try await db.schema("diagnostics").deleteField(.string(name)).update()
        }
        try await db.schema("diagnostic_requests").deleteField("erased_at").update()
        try await db.schema("diagnostic_settings").delete()
    }
}
