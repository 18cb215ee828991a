import Fluent
import Foundation
import GrappeDomain

/// The writes on the action catalogue: an entry created (its key made from its title, never
/// changed afterwards), changed, deleted unless another names it as prerequisite, moved up in
/// its dimension. Each in one transaction with its audit entry.
enum DiagnosticCatalogueService {
    /// Keys a new action may not take: the addresses of the catalogue's own pages.
    static let reservedKeys: Set<String> = ["nouvelle"]

    static func snapshot(_ a: DiagnosticAction) -> [String: String] {
        ["title": a.title, "details": a.details, "dimension": a.dimension.rawValue, "gaps": a.gaps.map(\.rawValue).joined(separator: ", "),
         "impact": String(a.impact.rawValue), "effort": String(a.effort.rawValue), "cost": String(a.cost), "grantEligible": String(a.grantEligible),
         "prerequisites": a.prerequisites.joined(separator: ", "), "competences": a.competences.joined(separator: ", ")]
    }

    static func create(_ action: DiagnosticAction, organisationID: UUID, user: User, on db: any Database) async throws -> DiagnosticActionRecord {
        try await db.transaction { db in
            let last = try await DiagnosticActionRecord.query(on: db).filter(\.$organisation.$id == organisationID).max(\.$position) ?? -1
            let record = DiagnosticActionRecord(organisationID: organisationID, action: action, position: last + 1)
            try await record.create(on: db)
            try await Audit.record(on: db, organisationID: organisationID, user: user, entity: "diagnostic_action", entityID: try record.requireID(),
                                   action: "create", changes: Audit.diff([:], snapshot(action)))
            return record
        }
    }

    static func update(_ record: DiagnosticActionRecord, with action: DiagnosticAction, user: User, on db: any Database) async throws {
        let before = snapshot(record.action)
        let position = record.position
        let updated = DiagnosticActionRecord(organisationID: record.$organisation.id, action: action, position: position)
        record.title = updated.title
        record.details = updated.details
        record.dimension = updated.dimension
        record.gaps = updated.gaps
        record.impact = updated.impact
        record.effort = updated.effort
        record.cost = updated.cost
        record.grantEligible = updated.grantEligible
        record.prerequisites = updated.prerequisites
        record.competences = updated.competences
        try await db.transaction { db in
            try await record.save(on: db)
            try await Audit.record(on: db, organisationID: record.$organisation.id, user: user, entity: "diagnostic_action", entityID: try record.requireID(),
                                   action: "update", changes: Audit.diff(before, snapshot(action)))
        }
    }

    /// Why the entry cannot be deleted, in French; nil when no other entry needs it first.
    static func deletionProblem(_ record: DiagnosticActionRecord, catalogue: [DiagnosticAction]) -> String? {
        let dependents = catalogue.filter { $0.key != record.key && $0.prerequisites.contains(record.key) }
        guard !dependents.isEmpty else { return nil }
        let names = dependents.map { "« \($0.title) »" }.joined(separator: ", ")
        return "« \(record.title) » ne peut pas être supprimée : \(names) \(dependents.count == 1 ? "l'a" : "l'ont") pour prérequis. Retirez d'abord ce prérequis."
    }

    static func delete(_ record: DiagnosticActionRecord, user: User, on db: any Database) async throws {
        try await db.transaction { db in
            try await Audit.record(on: db, organisationID: record.$organisation.id, user: user, entity: "diagnostic_action", entityID: try record.requireID(),
                                   action: "delete", changes: Audit.diff(snapshot(record.action), [:]))
            try await record.delete(on: db)
        }
    }

    /// Swaps the entry with the one before it in its dimension; false when it is already first.
    static func moveUp(_ record: DiagnosticActionRecord, among records: [DiagnosticActionRecord], on db: any Database) async throws -> Bool {
        let sameDimension = records.filter { $0.dimension == record.dimension }
        guard let index = sameDimension.firstIndex(where: { $0.id == record.id }), index > 0 else { return false }
        let previous = sameDimension[index - 1]
        let (a, b) = (previous.position, record.position)
        previous.position = a == b ? b + 1 : b
        record.position = a
        try await db.transaction { db in
            try await previous.save(on: db)
            try await record.save(on: db)
        }
        return true
    }
}
