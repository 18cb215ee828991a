import Fluent
import Foundation

/// A table of settings with at most one row per organisation (the diagnostic's, renewal's,
/// payments'): no row means the defaults its `init(organisationID:)` sets.
protocol OrganisationSettingsRow: Model {
    init(organisationID: UUID)
    /// `\.$organisation.$id`
    static var organisationIDField: KeyPath<Self, FieldProperty<Self, UUID>> { get }
}

extension OrganisationSettingsRow {
    /// The organisation's row, or unsaved defaults.
    static func of(_ organisationID: UUID, on db: any Database) async throws -> Self {
        try await query(on: db).filter(organisationIDField == organisationID).first() ?? Self(organisationID: organisationID)
    }
}
