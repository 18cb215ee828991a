import Foundation
import GrappeDomain

/// « Les adhérents » — every company holding an active membership for the year.
struct MembersSection: ReportSection {
    func parts(_ ctx: ReportContext) async throws -> [ReportPart] {
        let members = try await ReportQueries.memberNames(ctx.db, organisationID: ctx.organisationID, year: ctx.year)
        guard !members.isEmpty else { return [] }
        let items = members.map { "<li>\($0.name)</li>" as HTML }
        let body: HTML = "<p>Ils ont fait le cluster en \(ctx.year) : \(ReportFigure.count(members.count, "adhérent", "adhérents")).</p><ul class=\"members\">\(items)</ul>"
        return [ReportPart(id: "adherents", title: "Les adhérents \(ctx.year)", body: body)]
    }
}
