import Fluent
import FluentSQL
import SQLKit

/// Getting paid: `payment_settings` holds the cluster's bank details printed on calls for dues
/// (a table of its own: M022 reads organisations through the model, so the model cannot gain
/// columns); `statement_mappings` the CSV column mappings saved per bank; `payments.fingerprint`
/// identifies the bank-statement line a payment was recorded from, unique, so that the same
/// statement imported twice records nothing twice (NULL for payments typed by hand).
struct M025PaymentSettings: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("payment_settings")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("iban", .string, .required)
            .field("bic", .string, .required)
            .field("bank_name", .string, .required)
            .field("account_holder", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "organisation_id")
            .create()
        try await db.schema("statement_mappings")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("name", .string, .required)
            .field("mapping", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "organisation_id", "name")
            .create()
        try await db.schema("payments").field("fingerprint", .string).update()
        if let sql = db as? any SQLDatabase {
            try await sql.raw("CREATE UNIQUE INDEX idx_payments_fingerprint ON payments (fingerprint)").run()
        }
    }

    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase {
            try await sql.raw("DROP INDEX idx_payments_fingerprint").run()
        }
        try await db.schema("payments").deleteField("fingerprint").update()
        try await db.schema("statement_mappings").delete()
        try await db.schema("payment_settings").delete()
    }
}
