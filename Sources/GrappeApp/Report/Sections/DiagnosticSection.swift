import Fluent
import Foundation
import GrappeDomain

/// « Diagnostic de maturité numérique » — the Province Sud's grant and the diagnostics that open
/// it: how many since the first, how many this year, the average level, the follow-ups and the
/// grants obtained. Read from the staff's figures (`DiagnosticFigureQueries.figures`, the same
/// function), as they stood at the end of the year; printed after the programmes (« Les projets »).
struct DiagnosticSection: ReportSection {
    func parts(_ ctx: ReportContext) async throws -> [ReportPart] {
        let figures = try await DiagnosticFigureQueries.figures(ctx.db, organisationID: ctx.organisationID).upTo(ctx.year)
        guard let first = figures.first else { return [] }
        let rules = try await DiagnosticSettings.of(ctx.organisationID, on: ctx.db).grantRules
        return [ReportPart(id: "diagnostic", title: "Diagnostic de maturité numérique", body: Self.body(figures, first: first, rules: rules, year: ctx.year))]
    }

    static func body(_ figures: DiagnosticFigures, first: Date, rules: GrantRules, year: Int) -> HTML {
        let all = figures.tally(nil), current = figures.tally(year)
        let activities = rules.activities.map(\.label).joined(separator: " ou ")
        let context = "La province Sud prend en charge \(rules.ratePercent) % des dépenses éligibles de la transition numérique d'une entreprise\(activities.isEmpty ? "" : " \(activities)"), dans la limite de \(Money.xpf(rules.cap)), si elle a fait un diagnostic de maturité numérique. OPEN NC réalise ces diagnostics : un entretien d'une heure, compatible avec l'évaluation européenne de maturité numérique (six dimensions), dont les questions aident l'entreprise à choisir ce qu'elle fera d'abord."
        var facts = ["Depuis \(FrenchDate.monthYear(first)), \(ReportFigure.count(all.diagnostics, "diagnostic a été réalisé", "diagnostics ont été réalisés")), dont \(current.diagnostics) en \(year)"]
        let levelBase = current.averageOverall != nil ? current : all
        if let score = levelBase.averageOverall, let level = levelBase.averageLevel {
            facts.append("Niveau moyen\(levelBase == current ? " en \(year)" : "") : \(level.label.lowercased()) (\(DiagnosticScoring.shown(score)) sur 100 en moyenne)")
        }
        if all.followUps > 0 {
            facts.append("\(ReportFigure.count(all.followUps, "diagnostic de suivi", "diagnostics de suivi")) six à douze mois après le premier"
                         + (all.averageChange.map { ", score global en moyenne \(DiagnosticTally.changeLabel($0))" } ?? ""))
        }
        facts.append(all.grantsGranted == 0 ? "Aides de la province Sud obtenues : aucune à ce jour"
                     : "Aides de la province Sud obtenues : \(all.grantsGranted) pour un total de \(Money.xpf(all.grantedTotal)), dont \(current.grantsGranted) pour les diagnostics de \(year)")
        let rows = figures.years.map { y -> HTML in
            let t = figures.tally(y)
            return "<tr><td>\(y)</td><td class=\"num\">\(t.diagnostics)</td><td>\(t.averageLevel?.label ?? "—")</td><td class=\"num\">\(t.grantsGranted)</td><td class=\"num\">\(Money.xpf(t.grantedTotal))</td></tr>"
        }
        return """
        \(ReportUI.prose(context))
        \(ReportUI.list(facts))
        <table class="list compact"><thead><tr><th>Année</th><th class="num">Diagnostics</th><th>Niveau moyen</th><th class="num">Aides obtenues</th><th class="num">Montant accordé</th></tr></thead><tbody>\(rows)</tbody></table>
        <p class="note">Le niveau moyen ne compte que les entreprises qui ont accepté les statistiques.</p>
        """
    }
}
