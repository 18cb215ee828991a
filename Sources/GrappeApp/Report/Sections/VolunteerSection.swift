import Fluent
import Foundation
import GrappeDomain

/// « Le bénévolat » — hours given by members during the year (meetings attended plus time
/// recorded), beside last year's, per group.
struct VolunteerSection: ReportSection {
    func parts(_ ctx: ReportContext) async throws -> [ReportPart] {
        guard let hours = try await ReportQueries.volunteerHours(ctx, year: ctx.year) else { return [] }
        let before = try await ReportQueries.volunteerHours(ctx, year: ctx.previousYear)
        let minutes = try await ReportQueries.volunteerMinutes(ctx, year: ctx.year)
        let groups = try await Group.query(on: ctx.db).filter(\.$organisation.$id == ctx.organisationID).all()
        var names: [UUID: String] = [:]
        for g in groups { names[g.id!] = g.name }
        var perGroup: [BarChart.Group] = []
        for (groupID, total) in minutes {
            let hours = Int((Double(total) / 60).rounded())
            guard hours > 0 else { continue }
            perGroup.append(BarChart.Group(label: groupID.flatMap { names[$0] } ?? "Autres actions", values: [hours]))
        }
        perGroup.sort { $0.values[0] != $1.values[0] ? $0.values[0] > $1.values[0] : $0.label < $1.label }
        let chart = BarChart(title: "Heures de bénévolat par groupe, \(ctx.year)", series: [.init(label: "Heures", cssClass: "bar-received")],
                             groups: perGroup,
                             format: { "\(Money.grouped($0)) h" }).render(dataTable: false)
        let body: HTML = """
        <div class="keys">\(ReportUI.figure("heures de bénévolat", value: ReportFigure.text(hours), yoy: YearOverYear(current: hours, previous: before, previousYear: ctx.previousYear)))</div>
        <p>Les heures comptent le temps passé en réunion par chaque participant et le temps déclaré pour les autres actions.</p>
        \(perGroup.isEmpty ? HTML.empty : chart)
        """
        return [ReportPart(id: "benevolat", title: "Le bénévolat", body: body)]
    }
}
