import Foundation
import GrappeDomain

/// « Les chiffres clés » — members and their shares, women holders, communication figures,
/// volunteer hours and dues received, each beside last year's.
struct KeyFiguresSection: ReportSection {
    func parts(_ ctx: ReportContext) async throws -> [ReportPart] {
        let org = ctx.organisationID, year = ctx.year, last = ctx.previousYear
        let now = try await ReportQueries.members(ctx, year: year)
        let before = try await ReportQueries.members(ctx, year: last)
        func share(_ m: ReportQueries.Members, _ c: MembershipCategory) -> Int? { ReportFigure.percent(m.byCategory[c] ?? 0, of: m.total) }
        func known(_ m: ReportQueries.Members, _ value: Int) -> Int? { m.total > 0 ? value : nil }
        func yoy(_ a: Int?, _ b: Int?, _ kind: YearOverYear.Kind = .count, unit: String = "") -> YearOverYear {
            YearOverYear(current: a, previous: b, previousYear: last, kind: kind, unit: unit)
        }

        var keys: [HTML] = [
            ReportUI.figure("adhérents", value: ReportFigure.text(known(now, now.total)), yoy: yoy(known(now, now.total), known(before, before.total))),
            ReportUI.figure("d'adhérents « cœur de filière »", value: share(now, .core).map { "\($0) %" } ?? ReportFigure.noData,
                            yoy: yoy(share(now, .core), share(before, .core), .percent)),
            ReportUI.figure("de partenaires", value: share(now, .partner).map { "\($0) %" } ?? ReportFigure.noData,
                            yoy: yoy(share(now, .partner), share(before, .partner), .percent)),
            ReportUI.figure(now.womenHolders == 1 ? "femme titulaire d'une adhésion" : "femmes titulaires d'une adhésion",
                            value: ReportFigure.text(known(now, now.womenHolders)), yoy: yoy(known(now, now.womenHolders), known(before, before.womenHolders))),
        ]
        let comms = try await ReportQueries.communication(ctx.db, organisationID: org, year: year)
        let commsBefore = try await ReportQueries.communication(ctx.db, organisationID: org, year: last)
        for figure in comms {
            let previous = commsBefore.first { $0.channel == figure.channel && $0.metric == figure.metric }?.value
            let (one, many) = figure.metric.unit
            keys.append(ReportUI.figure("\(figure.value == 1 ? one : many) · \(figure.channel)", value: ReportFigure.text(figure.value), yoy: yoy(figure.value, previous)))
        }
        if comms.isEmpty {
            keys.append(ReportUI.figure("abonnés et articles", value: ReportFigure.noData, yoy: nil))
        }
        let hours = try await ReportQueries.volunteerHours(ctx, year: year)
        let hoursBefore = try await ReportQueries.volunteerHours(ctx, year: last)
        keys.append(ReportUI.figure("heures de bénévolat", value: ReportFigure.text(hours), yoy: yoy(hours, hoursBefore)))
        let dues = try await ReportQueries.duesReceived(ctx.db, organisationID: org, year: year)
        let duesBefore = try await ReportQueries.duesReceived(ctx.db, organisationID: org, year: last)
        keys.append(ReportUI.figure("de cotisations reçues", value: dues.map { Money.xpf($0.received) } ?? ReportFigure.noData,
                                    yoy: yoy(dues?.received, duesBefore?.received, unit: "XPF")))

        let sources = comms.map { "\($0.metric.label) \($0.channel) : \($0.source)" }
        let membersChart = BarChart(title: "Adhérents par catégorie, \(last) et \(year)",
                                    series: [.init(label: String(last), cssClass: "bar-expected"), .init(label: String(year), cssClass: "bar-received")],
                                    groups: MembershipCategory.allCases.map { .init(label: $0.label, values: [before.byCategory[$0] ?? 0, now.byCategory[$0] ?? 0]) },
                                    format: { String($0) }).render(dataTable: false)
        let duesChart: HTML = dues.map { d in
            BarChart(title: "Cotisations \(year) : attendues et reçues", series: [.init(label: "Attendues", cssClass: "bar-expected"), .init(label: "Reçues", cssClass: "bar-received")],
                     groups: [.init(label: String(year), values: [d.expected, d.received])] + (duesBefore.map { [.init(label: String(last), values: [$0.expected, $0.received])] } ?? []))
                .render(dataTable: false)
        } ?? .empty
        let body: HTML = """
        <div class="keys">\(keys)</div>
        \(sources.isEmpty ? HTML.empty : HTML("<p class=\"source\">Sources des chiffres saisis : \(sources.joined(separator: " ; ")).</p>"))
        \(now.total > 0 || before.total > 0 ? membersChart : .empty)
        \(duesChart)
        """
        return [ReportPart(id: "chiffres-cles", title: "Les chiffres clés de \(year)", body: body)]
    }
}
