import Fluent
import Foundation
import GrappeDomain

/// An organisation's settings for the diagnostic (Réglages): the grant's rules and how long a
/// request's contact details are kept. At most one row per organisation; none means the defaults.
final class DiagnosticSettings: OrganisationSettingsRow, @unchecked Sendable {
    static let schema = "diagnostic_settings"

    static let defaultRetentionMonths = 36
    static let retentionRange = 1...120

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    /// `GrantRules` in JSON; empty for the Province Sud's.
    @Field(key: "grant_rules") var grantRulesJSON: String
    @Field(key: "retention_months") var retentionMonths: Int
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(organisationID: UUID) {
        self.$organisation.id = organisationID
        grantRulesJSON = ""
        retentionMonths = Self.defaultRetentionMonths
    }

    /// The rules as stored, or the Province Sud's.
    var grantRules: GrantRules {
        guard !grantRulesJSON.isEmpty, let rules = try? JSONDecoder().decode(GrantRules.self, from: Data(grantRulesJSON.utf8)) else { return .provinceSud }
        return rules
    }

    static var organisationIDField: KeyPath<DiagnosticSettings, FieldProperty<DiagnosticSettings, UUID>> { \.$organisation.$id }
}
