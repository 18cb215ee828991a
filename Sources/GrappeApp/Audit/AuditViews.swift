import Fluent
import GrappeDomain
import Vapor

/// The audit trail of one record, shown to staff on its page and at /journal/:id.
enum AuditViews {
    static func trail(on db: any Database, entityIDs: [UUID], limit: Int = 50) async throws -> [AuditEntry] {
        guard !entityIDs.isEmpty else { return [] }
        let entries = try await AuditEntry.query(on: db).filter(\.$entityID ~~ entityIDs)
            .sort(\.$createdAt, .descending).limit(limit).all()
        let names = try await AuditNames.resolve(entries.flatMap { Audit.decode($0.changes).flatMap { [$0.before, $0.after] } }, on: db)
        for entry in entries { entry.names = names }
        return entries
    }

    static func table(_ entries: [AuditEntry]) -> HTML {
        guard !entries.isEmpty else { return UI.emptyState("Aucune modification enregistrée.") }
        let rows = entries.map { entry -> HTML in
            let changes = Audit.decode(entry.changes).map { change -> HTML in
                "<li><strong>\(change.field)</strong> : \(AuditNames.shown(change.before, entry.names)) → \(AuditNames.shown(change.after, entry.names))</li>"
            }
            return """
            <tr><td>\(entry.createdAt.map(FrenchDate.dateTime) ?? "")</td><td>\(entry.actor)</td>
            <td>\(Audit.actionLabel(entry.action))</td>
            <td><ul class="changes">\(changes)</ul>\(entry.reason.isEmpty ? HTML.empty : HTML("<p>Motif : \(entry.reason)</p>"))</td></tr>
            """
        }
        return """
        <table class="list"><thead><tr><th>Quand</th><th>Qui</th><th>Action</th><th>Changements</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        """
    }
}
