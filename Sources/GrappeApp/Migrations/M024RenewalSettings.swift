import Fluent

/// The yearly renewal: `renewal_settings` holds an organisation's rules (no row means the
/// defaults): the days of grace after a due date during which a member keeps its services, the
/// day and month after which a company that has not renewed is lapsed, and how many days before
/// it the reminder goes out. `renewals` holds, per company and year renewed, the member contact's
/// confirmation (who, when, the headcount declared) and when the lapse reminder was sent (set
/// by the statement that claims it, so that two instances never send it twice). (Tables of their own: M022 reads
/// organisations through the model, so the model cannot gain columns.)
struct M024RenewalSettings: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("renewal_settings")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("grace_days", .int, .required)
            .field("lapse_month", .int, .required)
            .field("lapse_day", .int, .required)
            .field("reminder_days", .int, .required)
            .field("updated_at", .datetime)
            .unique(on: "organisation_id")
            .create()
        try await db.schema("renewals")
            .id()
            .field("company_id", .uuid, .required, .references("companies", "id"))
            .field("year", .int, .required)
            .field("headcount", .int)
            .field("confirmed_by", .string)
            .field("confirmed_at", .datetime)
            .field("reminded_at", .datetime)
            .unique(on: "company_id", "year")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("renewals").delete()
        try await db.schema("renewal_settings").delete()
    }
}
