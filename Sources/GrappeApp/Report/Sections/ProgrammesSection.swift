import Fluent
import Foundation
import GrappeDomain

/// « Les projets » — each programme running during the year: funders, period, consortium,
/// partners and its indicators computed from the actions recorded up to the end of the year.
struct ProgrammesSection: ReportSection {
    func parts(_ ctx: ReportContext) async throws -> [ReportPart] {
        let (from, to) = FrenchDate.yearBounds(ctx.year)
        let programmes = try await Programme.query(on: ctx.db).filter(\.$organisation.$id == ctx.organisationID)
            .filter(\.$startsOn < to).filter(\.$endsOn >= from).with(\.$funders).with(\.$partners).sort(\.$startsOn).all()
        let asOf = min(ctx.now, to.addingTimeInterval(-1))
        var parts: [ReportPart] = []
        for programme in programmes {
            let id = try programme.requireID()
            let actions = try await ProgrammeAction.query(on: ctx.db).filter(\.$programme.$id == id).filter(\.$date < to).all()
            let indicators = try await ProgrammeQueries.indicators(ctx.db, programme: programme, actions: actions, now: asOf)
            let consortium = try await ProgrammeQueries.consortium(ctx.db, programmeID: id)
            parts.append(ReportPart(id: "projet-\(programme.slug)", title: programme.name,
                                    body: Self.body(programme, actions: actions, indicators: indicators, consortium: consortium, year: ctx.year)))
        }
        return parts
    }

    static func body(_ p: Programme, actions: [ProgrammeAction], indicators: [IndicatorLine], consortium: [Company], year: Int) -> HTML {
        let inYear = actions.filter { FrenchDate.year(of: $0.date) == year }
        let rows = indicators.map { line -> HTML in
            let value = line.value.map(Indicators.format) ?? ReportFigure.noData
            let progress = line.progress.map { "\($0) %" } ?? "—"
            return "<tr><th scope=\"row\">\(line.indicator.name)</th><td class=\"num\">\(value)</td><td class=\"num\">\(Indicators.format(line.indicator.target)) \(line.indicator.unit)</td><td class=\"num\">\(progress)</td></tr>"
        }
        let facts: [String] = [
            "Période : \(FrenchDate.monthYear(p.startsOn)) – \(FrenchDate.monthYear(p.endsOn)) (\(p.status.label.lowercased()))",
            p.funders.isEmpty ? nil : "Financement : \(p.funders.map(\.name).joined(separator: ", "))",
            actions.isEmpty ? nil : "\(ReportFigure.count(actions.count, "action", "actions")) depuis le lancement, dont \(inYear.count) en \(year), pour \(ReportFigure.count(actions.map(\.participants).reduce(0, +), "participant", "participants"))",
            consortium.isEmpty ? nil : "Consortium : \(ReportFigure.count(consortium.count, "adhérent", "adhérents")) — \(consortium.map(\.name).joined(separator: ", "))",
            p.partners.isEmpty ? nil : "En partenariat avec : \(p.partners.map { $0.role.isEmpty ? $0.name : "\($0.name) (\($0.role))" }.joined(separator: ", "))",
        ].compactMap { $0 }
        return """
        \(p.about.isEmpty ? HTML.empty : ReportUI.prose(p.about))
        \(ReportUI.list(facts))
        \(rows.isEmpty ? HTML.empty : HTML("<table class=\"list\"><caption>Indicateurs au \(FrenchDate.long(min(Date(), FrenchDate.make(year, 12, 31))))</caption><thead><tr><th>Indicateur</th><th class=\"num\">Réalisé</th><th class=\"num\">Cible</th><th class=\"num\">Atteint</th></tr></thead><tbody>\(rows)</tbody></table>"))
        """
    }
}
