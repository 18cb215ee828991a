import Foundation
import GrappeDomain

/// The results of a diagnostic, drawn without a database, in parts that the business's page,
/// the PDF and the staff's page put together: the summary, the radar, the dimensions with the
/// advisor's notes, the follow-up, the gaps, the plan with its providers, and the grant.
enum DiagnosticResultsView {
    /// Everything, in reading order. `controls` adds the staff's buttons to each action of the plan.
    static func body(_ page: DiagnosticResultsPage, printable: Bool = false,
                     controls: (DiagnosticPlan.Item, Int) -> HTML = { _, _ in .empty }) -> HTML {
        """
        \(summary(page))
        \(radar(page, dataTable: !printable))
        \(dimensions(page))
        \(followUp(page))
        \(gaps(page))
        \(plan(page, controls: controls))
        \(grant(page))
        """
    }

    /// The business's page behind its private link.
    static func businessPage(_ page: DiagnosticResultsPage, pdfPath: String) -> HTML {
        """
        <article class="results">
        <div class="page-head"><h1>Diagnostic de maturité numérique — \(page.request.companyName)</h1></div>
        <p class="actions no-print"><a class="button primary" href="\(pdfPath)">Télécharger le PDF</a> <a class="button print" href="#">Imprimer</a></p>
        \(body(page))
        <p class="results-contact"><small>Diagnostic réalisé par \(page.organisation). Ce lien est personnel : ne le transmettez qu'aux personnes concernées.</small></p>
        </article>
        """
    }

    static func score(_ value: Double) -> String { String(DiagnosticScoring.shown(value)) }

    static func levelBadge(_ level: MaturityLevel) -> HTML {
        UI.badge(level.label, level >= .moderatelyAdvanced ? "ok" : level == .average ? "info" : "warn")
    }

    static func summary(_ page: DiagnosticResultsPage) -> HTML {
        let level = page.result.level
        return """
        <section class="results-summary">
        <dl class="facts"><dt>Entreprise</dt><dd>\(page.request.companyName)</dd>
        <dt>Diagnostic du</dt><dd>\(FrenchDate.long(page.date))</dd>
        <dt>Conseiller</dt><dd>\(page.advisor ?? "—")</dd></dl>
        <p class="results-score"><strong>\(score(page.result.overall))</strong> / 100 \(levelBadge(level))</p>
        <p>Niveau de maturité numérique : <strong>\(level.label)</strong> (\(level.range.lowerBound) à \(level.range.upperBound)). \(level.summary)</p>
        </section>
        """
    }

    static func radar(_ page: DiagnosticResultsPage, dataTable: Bool = true) -> HTML {
        let dimensions = DiagnosticDimension.allCases
        var series = [RadarChart.Series(label: "Diagnostic du \(FrenchDate.short(page.date))", values: dimensions.map(page.result.score))]
        if let c = page.comparison {
            series.insert(RadarChart.Series(label: "Diagnostic du \(FrenchDate.short(c.firstDate))", values: dimensions.map(c.first.score), dashed: true), at: 0)
        }
        return RadarChart(title: "Maturité numérique par dimension (sur 100)", axes: dimensions.map(\.shortTitle), series: series).render(dataTable: dataTable)
    }

    static func dimensions(_ page: DiagnosticResultsPage) -> HTML {
        let rows = DiagnosticDimension.allCases.map { d -> HTML in
            let note = page.evaluation.notes[d]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return """
            <tr><th scope="row">\(d.number). \(d.title)</th><td class="num" data-dimension="\(d.rawValue)">\(score(page.result.score(d)))</td>
            <td>\(levelBadge(page.result.level(d)))</td><td class="notes">\(note.isEmpty ? "—" : note)</td></tr>
            """
        }
        return """
        <section><h2>Les six dimensions</h2>
        <table class="list results-dimensions"><thead><tr><th>Dimension</th><th class="num">Score / 100</th><th>Niveau</th><th>Notes du conseiller</th></tr></thead>
        <tbody>\(rows)</tbody></table></section>
        """
    }

    static func followUp(_ page: DiagnosticResultsPage) -> HTML {
        guard let c = page.comparison else { return .empty }
        let rows = c.changes.map { change -> HTML in
            "<tr><th scope=\"row\">\(change.dimension.title)</th><td class=\"num\">\(score(change.before))</td><td class=\"num\">\(score(change.after))</td><td class=\"num\">\(DiagnosticComparison.signed(change.change))</td></tr>"
        }
        let months = c.monthsApart
        let level = c.levelChanged ? "Le niveau passe de « \(c.first.level.label) » à « \(c.second.level.label) »." : "Le niveau reste « \(c.second.level.label) »."
        return """
        <section class="results-follow-up"><h2>Évolution depuis le diagnostic du \(FrenchDate.long(c.firstDate))</h2>
        <p>\(months == 1 ? "1 mois" : "\(months) mois") entre les deux diagnostics. Score global : \(score(c.first.overall)) → \(score(c.second.overall)) (\(DiagnosticComparison.signed(c.overallChange))). \(level)</p>
        <table class="list"><thead><tr><th>Dimension</th><th class="num">\(FrenchDate.short(c.firstDate))</th><th class="num">\(FrenchDate.short(c.secondDate))</th><th class="num">Évolution</th></tr></thead>
        <tbody>\(rows)<tr><th scope="row">Score global</th><td class="num">\(score(c.first.overall))</td><td class="num">\(score(c.second.overall))</td><td class="num">\(DiagnosticComparison.signed(c.overallChange))</td></tr></tbody></table>
        </section>
        """
    }

    static func gaps(_ page: DiagnosticResultsPage) -> HTML {
        let gaps = page.evaluation.gaps
        let items = gaps.map { HTML("<li><strong>\($0.title)</strong> — \($0.explanation)</li>") }
        return """
        <section><h2>Déséquilibres relevés</h2>
        \(gaps.isEmpty ? HTML("<p>Aucun déséquilibre relevé : les dimensions progressent ensemble.</p>") : HTML("<ul class=\"results-gaps\">\(items)</ul>"))
        </section>
        """
    }

    /// Why an action is in the plan, in French.
    static func reason(_ reason: DiagnosticPlan.Reason, plan: DiagnosticPlan) -> String {
        switch reason {
        case .gap(let gap): "répond au déséquilibre « \(gap.title) »"
        case .weakDimension(let d): "dimension « \(d.title) » à renforcer"
        case .prerequisite(let key): "préalable à « \(plan.actions.first { $0.key == key }?.title ?? key) »"
        case .advisor: "ajoutée par le conseiller"
        }
    }

    static func plan(_ page: DiagnosticResultsPage, controls: (DiagnosticPlan.Item, Int) -> HTML = { _, _ in .empty }) -> HTML {
        let plan = page.plan
        guard !plan.items.isEmpty else {
            return "<section><h2>Plan d'actions</h2>\(UI.emptyState("Aucune action recommandée : aucune dimension n'est faible et aucun déséquilibre n'est relevé."))</section>"
        }
        let items = plan.items.enumerated().map { index, item -> HTML in
            let a = item.action
            let reasons = item.reasons.map { reason($0, plan: plan) }.joined(separator: " ; ")
            let prerequisites = a.prerequisites.map { key in plan.actions.first { $0.key == key }?.title ?? key }
            let providers = page.providers[a.key] ?? []
            let links = providers.map { HTML("<a href=\"\(Site.directoryShow.path($0.slug))\">\($0.name)</a>") }.joined(separator: ", ")
            return """
            <li class="plan-item" data-action="\(a.key)"><h3>\(a.title)</h3>
            \(a.details.isEmpty ? HTML.empty : HTML("<p>\(a.details)</p>"))
            <dl class="facts"><dt>Pourquoi</dt><dd>\(reasons.isEmpty ? "—" : reasons)</dd>
            <dt>Impact / effort</dt><dd>\(a.impact.label) / \(a.effort.label)</dd>
            <dt>Coût indicatif</dt><dd>\(UI.xpf(a.cost))</dd>
            <dt>Aide de la province</dt><dd>\(a.grantEligible ? "éligible" : "non éligible")</dd>
            \(prerequisites.isEmpty ? HTML.empty : HTML("<dt>Prérequis</dt><dd>\(prerequisites.joined(separator: ", "))</dd>"))
            <dt>Adhérents qui peuvent la réaliser</dt><dd class="providers">\(providers.isEmpty ? HTML("aucun adhérent référencé pour l'instant") : links)</dd></dl>
            \(controls(item, index))
            </li>
            """
        }
        return """
        <section><h2>Plan d'actions</h2>
        <p>Par ordre de priorité. Coût total indicatif : \(UI.xpf(plan.totalCost)), dont \(UI.xpf(plan.grantEligibleCost)) éligibles à l'aide.</p>
        <ol class="results-plan">\(items)</ol></section>
        """
    }

    static func grant(_ page: DiagnosticResultsPage) -> HTML {
        let g = page.grant, rules = page.rules
        guard g.isEligible else {
            return """
            <section class="results-grant"><h2>Aide de la province Sud</h2>
            <p>L'entreprise n'est pas éligible à l'aide, pour \(g.refusals.count == 1 ? "la raison suivante" : "les raisons suivantes") :</p>
            <ul class="refusals">\(g.refusals.map { HTML("<li>\($0)</li>") })</ul></section>
            """
        }
        let capped: HTML = g.isCapped
            ? "<p class=\"capped\">Le plafond s'applique : \(rules.ratePercent) % donneraient \(UI.xpf(g.uncapped)), l'aide est limitée à \(UI.xpf(rules.cap)).</p>"
            : .empty
        return """
        <section class="results-grant"><h2>Aide de la province Sud</h2>
        <p>L'entreprise est <strong>éligible</strong> : l'aide prend en charge \(rules.ratePercent) % des actions éligibles, dans la limite de \(UI.xpf(rules.cap)).</p>
        <dl class="facts"><dt>Coût des actions éligibles</dt><dd>\(UI.xpf(g.eligibleCost))</dd>
        <dt>Aide estimée</dt><dd class="grant-amount">\(UI.xpf(g.amount))</dd></dl>
        \(capped)
        <p><small>Estimation indicative : le montant accordé dépend du dossier déposé auprès de la province.</small></p></section>
        """
    }
}
