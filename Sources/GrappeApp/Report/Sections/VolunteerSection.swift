import Foundation
import GrappeDomain

/// « Le bénévolat » — hours given by members during the year (meetings attended plus time
/// recorded), beside last year's, per group.
struct VolunteerSection: ReportSection {
    func parts(_ ctx: ReportContext) async throws -> [ReportPart] {
        let hours = try await ReportQueries.volunteerHours(ctx.db, organisationID: ctx.organisationID, year: ctx.year)
        guard let hours else { return [] }
        let before = try await ReportQueries.volunteerHours(ctx.db, organisationID: ctx.organisationID, year: ctx.previousYear)
        let perGroup = try await VolunteerQueries.perGroup(ctx.db, organisationID: ctx.organisationID, year: ctx.year)
        let chart = BarChart(title: "Heures de bénévolat par groupe, \(ctx.year)", series: [.init(label: "Heures", cssClass: "bar-received")],
                             groups: perGroup.map { .init(label: $0.name, values: [Int((Double($0.minutes) / 60).rounded())]) },
                             format: { "\(Money.grouped($0)) h" }).render(dataTable: false)
        let body: HTML = """
        <div class="keys">\(ReportUI.figure("heures de bénévolat", value: ReportFigure.text(hours), yoy: YearOverYear(current: hours, previous: before, previousYear: ctx.previousYear)))</div>
        <p>Les heures comptent le temps passé en réunion par chaque participant et le temps déclaré pour les autres actions.</p>
        \(perGroup.isEmpty ? HTML.empty : chart)
        """
        return [ReportPart(id: "benevolat", title: "Le bénévolat", body: body)]
    }
}
