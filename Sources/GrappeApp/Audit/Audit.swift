import Fluent
import Foundation
import Vapor

/// Writes the audit log: who changed which record and what changed.
enum Audit {
    /// Records a change. `changes` holds field → (before, after); fields whose values are equal
    /// are dropped. Nothing is written for an update that changed nothing and has no reason.
    static func record(on db: any Database, organisationID: UUID, user: User?, entity: String, entityID: UUID,
                       action: String, changes: [String: (String, String)] = [:], reason: String = "") async throws {
        let real = changes.filter { $0.value.0 != $0.value.1 }
        if action == "update" && real.isEmpty && reason.isEmpty { return }
        let payload = real.mapValues { [$0.0, $0.1] }
        let data = try JSONEncoder().encode(payload)
        try await AuditEntry(organisationID: organisationID, userID: user?.id, actor: user.map { "\($0.displayName) <\($0.email)>" } ?? "système",
                             entity: entity, entityID: entityID, action: action,
                             changes: String(decoding: data, as: UTF8.self), reason: reason).create(on: db)
    }

    /// Before/after pairs between two snapshots of the same record.
    static func diff(_ before: [String: String], _ after: [String: String]) -> [String: (String, String)] {
        var out: [String: (String, String)] = [:]
        for key in Set(before.keys).union(after.keys) where before[key] != after[key] {
            out[key] = (before[key] ?? "", after[key] ?? "")
        }
        return out
    }

    static func decode(_ changes: String) -> [(field: String, before: String, after: String)] {
        guard let table = try? JSONDecoder().decode([String: [String]].self, from: Data(changes.utf8)) else { return [] }
        return table.sorted { $0.key < $1.key }.map { ($0.key, $0.value.first ?? "", $0.value.dropFirst().first ?? "") }
    }

    static func actionLabel(_ action: String) -> String {
        switch action {
        case "create": "Création"
        case "update": "Modification"
        case "resign": "Démission"
        case "adjust": "Ajustement"
        case "payment": "Paiement"
        case "import": "Import"
        case "issue": "Émission"
        case "remind": "Relance"
        case "delete": "Suppression"
        case "cancel_payment": "Annulation de paiement"
        default: action
        }
    }
}
