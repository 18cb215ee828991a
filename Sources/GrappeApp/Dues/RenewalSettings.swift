import Fluent
import Foundation

/// An organisation's renewal rules (Réglages des cotisations): the grace period after a due
/// date, the date after which a company that has not renewed is lapsed, and the reminder's
/// lead. At most one row per organisation; none means the defaults.
final class RenewalSettings: OrganisationSettingsRow, @unchecked Sendable {
    static let schema = "renewal_settings"

    static let defaultGraceDays = 30
    static let graceRange = 0...365
    static let reminderRange = 1...90

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "grace_days") var graceDays: Int
    /// The lapse date in year N+1 (by default 31 March): a company of year N that has neither
    /// confirmed nor paid its N+1 due by then becomes lapsed.
    @Field(key: "lapse_month") var lapseMonth: Int
    @Field(key: "lapse_day") var lapseDay: Int
    @Field(key: "reminder_days") var reminderDays: Int
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(organisationID: UUID) {
        self.$organisation.id = organisationID
        graceDays = Self.defaultGraceDays
        lapseMonth = 3
        lapseDay = 31
        reminderDays = 15
    }

    static var organisationIDField: KeyPath<RenewalSettings, FieldProperty<RenewalSettings, UUID>> { \.$organisation.$id }
}
