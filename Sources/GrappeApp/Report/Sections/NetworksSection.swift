import Fluent
import Foundation
import GrappeDomain

/// « Influence et réseaux » — meetings with each institution during the year and the networks
/// the cluster belongs to (an editorial text that carries over).
struct NetworksSection: ReportSection {
    func parts(_ ctx: ReportContext) async throws -> [ReportPart] {
        let institutions = try await GroupQueries.institutionCounts(ctx.db, organisationID: ctx.organisationID, year: ctx.year)
        let text = try await ReportQueries.text(ctx.db, organisationID: ctx.organisationID, year: ctx.year, kind: .networks)
        guard !institutions.isEmpty || text != nil else { return [] }
        let rows = institutions.map { "<tr><th scope=\"row\">\($0.0)</th><td class=\"num\">\($0.1)</td></tr>" as HTML }
        let body: HTML = """
        \(text.map { ReportUI.prose($0.body) } ?? .empty)
        \(rows.isEmpty ? HTML.empty : HTML("<table class=\"list\"><caption>Réunions avec les institutions en \(ctx.year)</caption><thead><tr><th>Institution</th><th class=\"num\">Réunions</th></tr></thead><tbody>\(rows)</tbody></table>"))
        """
        return [ReportPart(id: "reseaux", title: "Influence et réseaux", body: body)]
    }
}
