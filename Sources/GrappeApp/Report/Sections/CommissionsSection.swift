import Fluent
import Foundation
import GrappeDomain

/// The commissions: an overview with attendance per commission, then one page each with its
/// members, meetings, average attendance and projects.
struct CommissionsSection: ReportSection {
    func parts(_ ctx: ReportContext) async throws -> [ReportPart] {
        let commissions = try await Group.query(on: ctx.db).filter(\.$organisation.$id == ctx.organisationID)
            .filter(\.$kind == .commission).all()
            .sorted { $0.foundedOn != $1.foundedOn ? ($0.foundedOn ?? .distantFuture) < ($1.foundedOn ?? .distantFuture) : FrenchOrder.precedes($0.name, $1.name) }
        guard !commissions.isEmpty else { return [] }
        let stats = try await ReportQueries.groupStats(ctx)
        let chart = BarChart(title: "Réunions et participation moyenne par commission, \(ctx.year)",
                             series: [.init(label: "Réunions", cssClass: "bar-expected"), .init(label: "Participants en moyenne", cssClass: "bar-received")],
                             groups: commissions.map { g in
                                 let s = stats[g.id!] ?? .init()
                                 return .init(label: g.name.replacingOccurrences(of: "Commission ", with: ""), values: [s.meetingsHeld, Int((s.averageAttendance ?? 0).rounded())])
                             }, format: { String($0) }).render(dataTable: false)
        var parts = [ReportPart(id: "commissions", title: "Les commissions", body: """
            <p>\(ReportFigure.count(commissions.count, "commission", "commissions")) en \(ctx.year), \(ReportFigure.count(commissions.reduce(0) { $0 + (stats[$1.id!]?.meetingsHeld ?? 0) }, "réunion", "réunions")) au total.</p>
            \(chart)
            """)]
        for (index, group) in commissions.enumerated() {
            parts.append(ReportPart(id: "commission-\(group.slug)", title: group.name, body: Self.page(group, rank: index + 1, stats: stats[group.id!] ?? .init(), year: ctx.year)))
        }
        return parts
    }

    static func page(_ g: Group, rank: Int, stats: GroupYearStats, year: Int) -> HTML {
        let ordinal = rank == 1 ? "1re" : "\(rank)e"
        let founded = g.foundedOn.map { "Fondée en \(FrenchDate.monthYear($0)), c'est la \(ordinal) commission du cluster." } ?? ""
        let average = stats.averageAttendance.map { "\(Indicators.format($0)) participants en moyenne" } ?? "participation : \(ReportFigure.noData)"
        let rhythm = g.rule.map { "Rythme : \($0.label)." } ?? ""
        let projects = g.projects.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return """
        <p class="lead">\(founded) \(ReportFigure.count(stats.members, "membre", "membres")), dont \(ReportFigure.count(stats.activeMembers, "actif", "actifs")).</p>
        \(g.about.isEmpty ? HTML.empty : ReportUI.prose(g.about))
        <div class="keys">
        \(ReportUI.figure("en \(year)", value: ReportFigure.count(stats.meetingsHeld, "réunion", "réunions"), yoy: nil))
        \(ReportUI.figure("par réunion", value: average, yoy: nil))
        \(ReportUI.figure("de bénévolat en réunion", value: ReportFigure.text(Int((Double(stats.volunteerMinutes) / 60).rounded()), unit: "h"), yoy: nil))
        </div>
        \(projects.isEmpty ? HTML.empty : HTML("<h3>Les projets de \(year)</h3>\(ReportUI.list(projects))"))
        <p>\(rhythm)</p>
        """
    }
}
