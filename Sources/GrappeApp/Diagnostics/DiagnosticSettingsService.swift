import Fluent
import Foundation
import GrappeDomain

/// Writes the organisation's diagnostic settings: the row is created on the first save; the
/// change is audited in the same transaction.
enum DiagnosticSettingsService {
    static func snapshot(_ s: DiagnosticSettings) -> [String: String] {
        let r = s.grantRules
        return ["activities": r.activities.map(\.rawValue).joined(separator: ", "), "communes": r.communes.joined(separator: ", "),
                "maxHeadcount": r.maxHeadcount.map(String.init) ?? "", "requiresRIDET": String(r.requiresRIDET),
                "ratePercent": String(r.ratePercent), "cap": String(r.cap), "retentionMonths": String(s.retentionMonths)]
    }

    static func save(rules: GrantRules, retentionMonths: Int, organisationID: UUID, user: User, on db: any Database) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(rules), as: UTF8.self)
        try await db.transaction { db in
            let settings = try await DiagnosticSettings.of(organisationID, on: db)
            let before = snapshot(settings)
            let creating = settings.id == nil
            settings.grantRulesJSON = json
            settings.retentionMonths = retentionMonths
            try await settings.save(on: db)
            try await Audit.record(on: db, organisationID: organisationID, user: user, entity: "diagnostic_settings", entityID: try settings.requireID(),
                                   action: creating ? "create" : "update", changes: Audit.diff(before, snapshot(settings)))
        }
    }
}
