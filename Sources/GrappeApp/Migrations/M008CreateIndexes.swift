import Fluent
import SQLKit

/// Indexes for the list pages' joins and filters (portable SQL, same on SQLite and PostgreSQL).
struct M008CreateIndexes: AsyncMigration {
    static let indexes = [
        ("idx_memberships_year", "memberships", "year, company_id"),
        ("idx_dues_company_year", "dues", "company_id, year"),
        ("idx_payments_due", "payments", "due_id"),
        ("idx_contacts_person", "company_contacts", "person_id"),
        ("idx_company_domains_domain", "company_domains", "domain_id"),
        ("idx_audit_entity", "audit_entries", "entity_id, created_at"),
        ("idx_outbox_status", "outbox_messages", "status, next_attempt_at"),
        ("idx_companies_name", "companies", "organisation_id, name"),
    ]

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for (name, table, columns) in Self.indexes {
            try await sql.raw("CREATE INDEX \(unsafeRaw: name) ON \(unsafeRaw: table) (\(unsafeRaw: columns))").run()
        }
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for (name, _, _) in Self.indexes {
            try await sql.raw("DROP INDEX \(unsafeRaw: name)").run()
        }
    }
}
