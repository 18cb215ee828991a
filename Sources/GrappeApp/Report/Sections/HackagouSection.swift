import Fluent
import Foundation
import GrappeDomain

/// « Hackagou — le CTF calédonien » — the year's edition: its theme and place, players on site
/// and teams, student teams, average age and the share of women against earlier editions.
struct HackagouSection: ReportSection {
    func parts(_ ctx: ReportContext) async throws -> [ReportPart] {
        let editions = try await CTFFigureQueries.editions(ctx.db, organisationID: ctx.organisationID, upTo: ctx.year)
        guard let current = editions.last, current.edition.year == ctx.year else { return [] }
        let e = current.edition, f = current.figures
        var facts = ["\(ReportFigure.count(f.playersOnSite, "joueur", "joueurs")) en présentiel répartis en \(ReportFigure.count(f.teams, "équipe", "équipes")), dont \(ReportFigure.count(f.studentTeams, "équipe étudiante", "équipes étudiantes"))"]
        if let age = f.averageAge { facts.append("Âge moyen : \(age) ans") }
        if let women = f.womenPercent {
            let earlier = editions.dropLast().reversed().compactMap { p in p.figures.womenPercent.map { (p.edition.year, $0) } }
            var line = "\(women) % de femmes cette année"
            if let last = earlier.first { line += " contre \(last.1) % en \(last.0)" }
            if earlier.count > 1, let first = earlier.last { line += " (\(first.1) % en \(first.0))" }
            facts.append(line)
        }
        if !current.solvesPerCategory.isEmpty {
            facts.append("Défis résolus : " + current.solvesPerCategory.map { "\($0.category) \($0.solves)" }.joined(separator: ", ")
                         + " ; \(ReportFigure.count(current.firstBloods, "premier sang", "premiers sangs"))")
        }
        let rows = editions.map { p in
            HTML("<tr><td>\(p.edition.year)</td><td>\(p.edition.theme)</td><td class=\"num\">\(p.figures.playersOnSite)</td><td class=\"num\">\(p.figures.teams)</td><td class=\"num\">\(p.figures.womenPercent.map { "\($0) %" } ?? "—")</td></tr>")
        }
        let body: HTML = """
        \(ReportUI.prose("\(e.number)\(e.number == 1 ? "re" : "e") édition du challenge de cybersécurité (CTF) d'une journée dédiée au numérique, avec des stands et des animations, pour susciter des vocations en cybersécurité. Thème : « \(e.theme) ». Lieu : \(e.place)."))
        <h3>Résultats de l'édition \(e.year)</h3>
        \(ReportUI.list(facts))
        \(editions.count > 1 ? HTML("<table class=\"list compact\"><thead><tr><th>Année</th><th>Thème</th><th class=\"num\">Joueurs</th><th class=\"num\">Équipes</th><th class=\"num\">Femmes</th></tr></thead><tbody>\(rows)</tbody></table>") : .empty)
        """
        return [ReportPart(id: "hackagou", title: "Hackagou — le CTF calédonien", body: body)]
    }
}
