import Fluent
import Foundation
import GrappeDomain

/// « Les animations » — the year's events by kind, and those put on hold.
struct EventsSection: ReportSection {
    func parts(_ ctx: ReportContext) async throws -> [ReportPart] {
        let (from, to) = FrenchDate.yearBounds(ctx.year)
        let events = try await ClusterEvent.query(on: ctx.db).filter(\.$organisation.$id == ctx.organisationID)
            .filter(\.$startsAt >= from).filter(\.$startsAt < to).filter(\.$status != .cancelled).sort(\.$startsAt).all()
        guard !events.isEmpty else {
            return [ReportPart(id: "animations", title: "Les animations", body: ReportUI.missing("Aucune animation n'est enregistrée pour \(ctx.year)."))]
        }
        let onHold = events.filter { $0.status == .standby }, held = events.filter { $0.status != .standby }
        let rows = held.map { "<tr><td>\(FrenchDate.long($0.startsAt))</td><td>\($0.kind.label)</td><td>\($0.title)</td><td>\($0.place)</td></tr>" as HTML }
        let kinds = Dictionary(grouping: held, by: \.kind).sorted { $0.value.count > $1.value.count }
            .map { "\($0.key.label) : \($0.value.count)" }
        let body: HTML = """
        <p>\(ReportFigure.count(held.count, "animation organisée", "animations organisées")) en \(ctx.year)\(kinds.isEmpty ? "" : " — " + kinds.joined(separator: ", ")).</p>
        \(rows.isEmpty ? HTML.empty : HTML("<table class=\"list\"><thead><tr><th>Date</th><th>Type</th><th>Animation</th><th>Lieu</th></tr></thead><tbody>\(rows)</tbody></table>"))
        \(onHold.isEmpty ? HTML.empty : HTML("<h3>Mises en attente</h3>\(ReportUI.list(onHold.map { $0.title == $0.kind.label ? $0.title : "\($0.title) (\($0.kind.label))" }))"))
        """
        return [ReportPart(id: "animations", title: "Les animations", body: body)]
    }
}
