import Fluent

struct M004CreateCompanies: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("companies")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("name", .string, .required)
            .field("slug", .string, .required)
            .field("legal_name", .string, .required)
            .field("ridet", .string)
            .field("address", .string, .required)
            .field("commune", .string, .required)
            .field("website", .string, .required)
            .field("email", .string, .required)
            .field("phone", .string, .required)
            .field("description", .string, .required)
            .field("headcount", .int, .required)
            .field("logo_url", .string, .required)
            .field("founding", .bool, .required)
            .field("public_profile", .bool, .required)
            .field("verified_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "organisation_id", "slug")
            .unique(on: "organisation_id", "ridet")
            .create()
        try await db.schema("domains")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("name", .string, .required)
            .unique(on: "organisation_id", "name")
            .create()
        try await db.schema("company_domains")
            .id()
            .field("company_id", .uuid, .required, .references("companies", "id", onDelete: .cascade))
            .field("domain_id", .uuid, .required, .references("domains", "id", onDelete: .cascade))
            .unique(on: "company_id", "domain_id")
            .create()
        try await db.schema("company_contacts")
            .id()
            .field("company_id", .uuid, .required, .references("companies", "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .unique(on: "company_id", "person_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        for table in ["company_contacts", "company_domains", "domains", "companies"] {
            try await db.schema(table).delete()
        }
    }
}
