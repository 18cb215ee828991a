import Fluent
import Foundation
import GrappeDomain

/// « Les clubs » — which clubs met during the year and how often, and which did not.
struct ClubsSection: ReportSection {
    func parts(_ ctx: ReportContext) async throws -> [ReportPart] {
        let clubs = try await Group.query(on: ctx.db).filter(\.$organisation.$id == ctx.organisationID).filter(\.$kind == .club).all().sortedInFrench(by: \.name)
        guard !clubs.isEmpty else { return [] }
        let stats = try await ReportQueries.groupStats(ctx)
        let met = clubs.filter { (stats[$0.id!]?.meetingsHeld ?? 0) > 0 }, idle = clubs.filter { (stats[$0.id!]?.meetingsHeld ?? 0) == 0 }
        let rows = met.map { club -> HTML in
            let s = stats[club.id!]!
            return "<tr><th scope=\"row\">\(club.name)</th><td class=\"num\">\(s.members)</td><td class=\"num\">\(s.meetingsHeld)</td><td class=\"num\">\(s.averageAttendance.map(Indicators.format) ?? ReportFigure.noData)</td></tr>"
        }
        let body: HTML = """
        <p>En \(ctx.year), \(ReportFigure.count(met.count, "club actif", "clubs actifs"))\(met.isEmpty ? "" : " : " + met.map(\.name).joined(separator: ", ")).</p>
        \(rows.isEmpty ? HTML.empty : HTML("<table class=\"list\"><thead><tr><th>Club</th><th class=\"num\">Membres</th><th class=\"num\">Réunions</th><th class=\"num\">Présents en moyenne</th></tr></thead><tbody>\(rows)</tbody></table>"))
        \(idle.isEmpty ? HTML.empty : HTML("<p>Ne se sont pas réunis en \(ctx.year) : \(idle.map(\.name).joined(separator: ", ")).</p>"))
        <p>Les clubs sont fermés et réservés aux experts ; la demande d'adhésion est gratuite et décidée par chaque club.</p>
        """
        return [ReportPart(id: "clubs", title: "Les clubs", body: body)]
    }
}
