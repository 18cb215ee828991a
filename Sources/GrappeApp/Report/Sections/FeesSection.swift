import Fluent
import Foundation
import GrappeDomain

/// « Votre cotisation » — the year's fee grid per category and bracket, and what it includes.
struct FeesSection: ReportSection {
    func parts(_ ctx: ReportContext) async throws -> [ReportPart] {
        let schedule = try await FeeSchedule.query(on: ctx.db).filter(\.$organisation.$id == ctx.organisationID).filter(\.$year == ctx.year).first()
        var grid: HTML = ReportUI.missing("Aucune grille de cotisation n'est enregistrée pour \(ctx.year).")
        if let schedule {
            let brackets = try await FeeScheduleBracket.query(on: ctx.db).filter(\.$schedule.$id == schedule.requireID()).sort(\.$minHeadcount).all()
            grid = HTML.join(MembershipCategory.allCases.compactMap { category -> HTML? in
                let rows = brackets.filter { $0.category == category }
                guard !rows.isEmpty else { return nil }
                return """
                <h3>\(category == .core ? "Adhérents cœur de filière" : "Membres partenaires")</h3>
                <table class="fees"><tbody>\(rows.map { "<tr><th scope=\"row\">\(Self.bracket($0.minHeadcount, $0.maxHeadcount))</th><td class=\"num\">\(Money.xpf($0.amount))</td></tr>" as HTML })</tbody></table>
                """
            })
        }
        let body: HTML = """
        <div class="split"><div>\(grid)</div><div><h3>Services inclus dans votre cotisation</h3>\(ReportUI.list(Charter.services))</div></div>
        <p class="join">Pour nous rejoindre : \(ctx.organisation.email)\(ctx.organisation.phone.isEmpty ? "" : " · \(ctx.organisation.phone)")</p>
        """
        return [ReportPart(id: "cotisation", title: "Votre cotisation", body: body)]
    }

    /// « 0 à 10 salariés », « plus de 200 salariés ».
    static func bracket(_ min: Int, _ max: Int?) -> String {
        guard let max else { return "Plus de \(min - 1) salariés" }
        return "\(min) à \(max) salariés"
    }
}
