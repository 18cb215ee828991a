import Fluent
import Foundation
import GrappeDomain

/// « Le conseil d'administration et le bureau » and « Les réunions »: the mandates in force
/// during the year with their roles, board and bureau meetings per month, and meetings with
/// the institutions.
struct GovernanceSection: ReportSection {
    func parts(_ ctx: ReportContext) async throws -> [ReportPart] {
        let groups = try await Group.query(on: ctx.db).filter(\.$organisation.$id == ctx.organisationID)
            .filter(\.$kind ~~ [.board, .bureau]).all()
        let mandates = try await Mandate.query(on: ctx.db).filter(\.$group.$id ~~ groups.compactMap(\.id))
            .with(\.$person).with(\.$company).all()
            .filter { ReportUI.spans(ctx.year, from: $0.electedOn, to: $0.endsOn) }
            .sorted { ($0.role.order, $0.rank, $0.person.lastName) < ($1.role.order, $1.rank, $1.person.lastName) }
        var parts: [ReportPart] = []
        if !mandates.isEmpty {
            let body = groups.sorted { $0.kind == .board && $1.kind != .board }.map { group in
                Self.composition(group, mandates.filter { $0.$group.id == group.id })
            }
            parts.append(ReportPart(id: "gouvernance", title: "Le conseil d'administration et le bureau", body: "\(body)"))
        }
        let perMonth = try await ReportQueries.meetingsPerMonth(ctx.db, organisationID: ctx.organisationID, year: ctx.year, groupIDs: groups.compactMap(\.id))
        let institutions = try await GroupQueries.institutionCounts(ctx.db, organisationID: ctx.organisationID, year: ctx.year)
        guard perMonth.reduce(0, +) > 0 || !institutions.isEmpty || !mandates.isEmpty else { return parts }
        parts.append(ReportPart(id: "reunions", title: "Les réunions", body: Self.meetings(ctx.year, perMonth: perMonth, institutions: institutions)))
        return parts
    }

    static func holder(_ m: Mandate) -> String {
        m.holderLabel.isEmpty ? "\(m.person.firstName) \(m.person.lastName.uppercased())\(m.company.map { " (\($0.name))" } ?? "")" : m.holderLabel
    }

    static func composition(_ group: Group, _ mandates: [Mandate]) -> HTML {
        guard !mandates.isEmpty else { return .empty }
        let voting = mandates.filter(\.voting), honorary = mandates.filter { !$0.voting }
        let latest = mandates.max { $0.electedOn < $1.electedOn }!
        let lead: HTML = "<p class=\"lead\">\(group.name) : \(ReportFigure.count(voting.count, "membre", "membres")) avec voix délibérative, élu\(voting.count > 1 ? "s" : "") le \(FrenchDate.long(latest.electedOn)) pour \(latest.termYears) ans.</p>"
        if group.kind == .bureau {
            let byRole = Dictionary(grouping: voting, by: \.role).sorted { $0.key.order < $1.key.order }
            let rows = byRole.map { role, seats -> HTML in
                "<tr><th scope=\"row\">\(seats.count > 1 ? role.label + "s" : role.label)</th><td>\(seats.map(holder).joined(separator: ", "))</td></tr>"
            }
            return "<h3>\(group.name)</h3>\(lead)<table class=\"roles\"><tbody>\(rows)</tbody></table>"
        }
        let honoraryList: HTML = honorary.isEmpty ? .empty : "<h4>Membres d'honneur (sans voix délibérative)</h4>\(ReportUI.list(honorary.map(holder)))"
        return "<h3>\(group.name)</h3>\(lead)<ul class=\"columns\">\(voting.map { "<li>\(holder($0))</li>" as HTML })</ul>\(honoraryList)"
    }

    static func meetings(_ year: Int, perMonth: [Int], institutions: [(String, Int)]) -> HTML {
        let total = perMonth.reduce(0, +)
        let chart = BarChart.perMonth(title: "Réunions du bureau et du conseil d'administration par mois, \(year)", counts: perMonth).render(dataTable: false)
        let lines = MonthTally.lines(perMonth, singular: "réunion", plural: "réunions")
        let institutionText = institutions.isEmpty ? "Aucune réunion avec les institutions n'est enregistrée pour \(year)."
            : institutions.map { "\(ReportFigure.count($0.1, "réunion", "réunions")) avec \(InstitutionName.withArticle($0.0))" }.joined(separator: ", ") + "."
        return """
        <p>Le bureau et le conseil d'administration se sont réunis \(total == 0 ? "— aucune réunion enregistrée —" : ReportFigure.count(total, "fois", "fois")) en \(year) :</p>
        <div class="split"><div>\(ReportUI.list(lines))</div><div>\(chart)</div></div>
        <h3>Avec les institutions</h3>
        <p>\(institutionText)</p>
        """
    }
}
