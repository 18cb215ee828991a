import Fluent
import Foundation
import GrappeDomain

/// « La Grande Collecte » — the year's campaign: items collected against the goal, erasure,
/// handovers to charities and the CO2e avoided with its method.
struct CollecteSection: ReportSection {
    func parts(_ ctx: ReportContext) async throws -> [ReportPart] {
        let campaigns = try await CollectCampaign.query(on: ctx.db).filter(\.$organisation.$id == ctx.organisationID).filter(\.$year == ctx.year).all()
        var parts: [ReportPart] = []
        for campaign in campaigns {
            let f = try await CollectQueries.figures(ctx.db, campaignID: campaign.requireID())
            let collected = f.total - (f.byState[.pledged] ?? 0)
            let carbon = CarbonAvoided.total(counts: f.handedOverByType)
            let facts: [String] = [
                "\(ReportFigure.count(collected, "matériel collecté", "matériels collectés")) pour un objectif de \(Money.grouped(campaign.goalItems))"
                    + (ReportFigure.percent(collected, of: campaign.goalItems).map { " (\($0) %)" } ?? ""),
                "\(ReportFigure.count(f.byDonor.count, "entreprise donatrice", "entreprises donatrices")), \(ReportFigure.count(f.byRefurbisher.count, "reconditionneur", "reconditionneurs")), \(ReportFigure.count(f.byCharity.count, "association bénéficiaire", "associations bénéficiaires"))",
                "\(ReportFigure.count(f.byState[.handedOver] ?? 0, "matériel remis", "matériels remis")) à des associations" + (f.averageDaysToHandover.map { ", \(Int($0.rounded())) jours en moyenne après la collecte" } ?? ""),
                "Effacement des données certifié (NIST SP 800-88) : " + (f.erasedShare.map { "\($0) % des matériels concernés" } ?? ReportFigure.noData),
                "Émissions évitées : \(Indicators.format(CarbonAvoided.tonnes(carbon.kg))) t CO2e (estimation haute, méthode ADEME du réemploi)",
            ]
            let body: HTML = """
            \(campaign.aims.isEmpty ? HTML.empty : ReportUI.prose(campaign.aims))
            \(ReportUI.list(facts))
            """
            parts.append(ReportPart(id: "collecte-\(campaign.year)", title: campaign.name, body: body))
        }
        return parts
    }
}
