import Fluent
import Foundation
import GrappeDomain

/// « Un peu d'histoire » — the cluster's story (a text that carries over), its domains of
/// competence and its members this year.
struct HistorySection: ReportSection {
    func parts(_ ctx: ReportContext) async throws -> [ReportPart] {
        let text = try await ReportQueries.text(ctx.db, organisationID: ctx.organisationID, year: ctx.year, kind: .history)
        let domains = try await CompetenceDomain.query(on: ctx.db).filter(\.$organisation.$id == ctx.organisationID).count()
        let members = try await ReportQueries.members(ctx, year: ctx.year).total
        let body: HTML = """
        \(text.map { ReportUI.prose($0.body) } ?? ReportUI.missing("L'histoire du cluster n'a pas encore été écrite."))
        <div class="keys">
        \(ReportUI.figure("domaines de compétence", value: domains > 0 ? ReportFigure.text(domains) : ReportFigure.noData, yoy: nil))
        \(ReportUI.figure("adhérents en \(ctx.year)", value: members > 0 ? ReportFigure.text(members) : ReportFigure.noData, yoy: nil))
        </div>
        """
        return [ReportPart(id: "histoire", title: "Un peu d'histoire", body: body)]
    }
}
