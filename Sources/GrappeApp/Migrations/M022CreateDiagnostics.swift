import Fluent
import Foundation
import SQLKit

/// The digital-maturity diagnostic: questionnaire versions (the domain's questionnaire as JSON),
/// the public requests, the diagnostics themselves (appointment, advisor, answers, notes, plan
/// overrides, grant outcome) and the action catalogue; outbox messages gain a calendar part
/// (the .ics invitation sent with an appointment). Existing organisations get questionnaire v1
/// and the starter catalogue (`DiagnosticDefaults`); a new one gets them at bootstrap.
struct M022CreateDiagnostics: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("outbox_messages").field("calendar", .string).update()
        try await db.schema("diagnostic_questionnaires")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("version", .int, .required)
            .field("status", .string, .required)
            .field("definition", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "organisation_id", "version")
            .create()
        try await db.schema("diagnostic_requests")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("company_name", .string, .required)
            .field("ridet", .string, .required)
            .field("activity", .string, .required)
            .field("activity_details", .string, .required)
            .field("commune", .string, .required)
            .field("headcount", .int, .required)
            .field("contact_name", .string, .required)
            .field("contact_email", .string, .required)
            .field("contact_phone", .string, .required)
            .field("slots", .string, .required)
            .field("message", .string, .required)
            .field("statistics_consent", .bool, .required)
            .field("consent_wording", .string, .required)
            .field("consent_at", .datetime)
            .field("status", .string, .required)
            .field("company_id", .uuid, .references("companies", "id", onDelete: .setNull))
            .field("created_at", .datetime)
            .create()
        try await db.schema("diagnostics")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("request_id", .uuid, .required, .references("diagnostic_requests", "id", onDelete: .cascade))
            .field("questionnaire_id", .uuid, .required, .references("diagnostic_questionnaires", "id"))
            .field("advisor_user_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("advisor_person_id", .uuid, .references("people", "id", onDelete: .setNull))
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("status", .string, .required)
            .field("sequence", .int, .required)
            .field("answers", .string, .required)
            .field("notes", .string, .required)
            .field("plan_overrides", .string, .required)
            .field("closed_at", .datetime)
            .field("results_token_hash", .string)
            .field("grant_status", .string, .required)
            .field("grant_amount", .int)
            .field("grant_on", .datetime)
            .field("reminded_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "request_id")
            .unique(on: "results_token_hash")
            .create()
        try await db.schema("diagnostic_actions")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("key", .string, .required)
            .field("title", .string, .required)
            .field("details", .string, .required)
            .field("dimension", .string, .required)
            .field("gaps", .string, .required)
            .field("impact", .int, .required)
            .field("effort", .int, .required)
            .field("cost", .int, .required)
            .field("grant_eligible", .bool, .required)
            .field("prerequisites", .string, .required)
            .field("competences", .string, .required)
            .field("position", .int, .required)
            .unique(on: "organisation_id", "key")
            .create()
        if let sql = db as? any SQLDatabase {
            try await sql.raw("CREATE INDEX idx_diagnostic_requests_status ON diagnostic_requests (organisation_id, status, created_at)").run()
            try await sql.raw("CREATE INDEX idx_diagnostics_upcoming ON diagnostics (status, starts_at)").run()
        }
        for org in try await Organisation.query(on: db).all() {
            try await DiagnosticDefaults.seed(organisationID: try org.requireID(), on: db)
        }
    }

    func revert(on db: any Database) async throws {
        for table in ["diagnostic_actions", "diagnostics", "diagnostic_requests", "diagnostic_questionnaires"] {
            try await db.schema(table).delete()
        }
        try await db.schema("outbox_messages").deleteField("calendar").update()
    }
}
