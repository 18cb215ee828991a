import Foundation
import GrappeDomain

/// The staff's figures of Hackagou, drawn without a database: the editions side by side (players,
/// teams, age, women, then solves per category and first bloods) and one edition in detail.
enum CTFFiguresView {
    static func page(_ editions: [CTFFigureQueries.Edition], selected: CTFFigureQueries.Edition?) -> HTML {
        let head: HTML = """
        \(UI.breadcrumbs([("Hackagou", Site.ctfAdminIndex.path()), ("Chiffres", nil)]))
        <div class="page-head"><h1>Hackagou en chiffres</h1>\(editions.isEmpty ? .empty : HTML("<div class=\"actions\"><a class=\"button\" href=\"\(Site.ctfAdminFiguresCSV.path())\">Tableau (CSV)</a></div>"))</div>
        """
        guard let selected else {
            return "\(head)\(UI.emptyState("Aucune édition publiée : les chiffres apparaîtront avec la première."))"
        }
        return """
        \(head)
        <p class="lead">Les présents sont les joueurs pointés à l'accueil ; l'âge moyen et la part de femmes ne comptent que les joueurs qui ont accepté les statistiques ;
        les équipes masquées ou exclues ne sont comptées ni parmi les équipes ni dans les résolutions.</p>
        <h2>D'une édition à l'autre</h2>
        \(participation(editions, selected: selected.edition.year))
        <h2>Résolutions par catégorie</h2>
        \(solves(editions))
        \(detail(selected))
        """
    }

    static func participation(_ editions: [CTFFigureQueries.Edition], selected: Int) -> HTML {
        let rows = editions.enumerated().map { i, p -> HTML in
            let f = p.figures, e = p.edition
            let change = CTFYearOverYear.changeLabel(from: i > 0 ? editions[i - 1].figures.playersOnSite : nil, to: f.playersOnSite)
            let brackets = f.teamsPerBracket.map { "\($0.name) \($0.teams)" }.joined(separator: " · ")
            return """
            <tr\(HTML.attribute("aria-current", "true", when: e.year == selected))><td><a href="\(Site.ctfAdminFigures.path())?annee=\(e.year)">\(e.year)</a></td><td>\(e.theme)</td>
            <td class="num">\(f.players)</td><td class="num">\(f.playersOnSite)</td><td class="num">\(change ?? "—")</td><td class="num">\(f.teams)</td>
            <td>\(brackets.isEmpty ? "—" : brackets)</td><td class="num">\(f.averageAge.map { "\($0) ans" } ?? "—")</td>
            <td class="num">\(f.womenPercent.map { "\($0) %" } ?? "—")</td><td class="num">\(p.solves)</td><td class="num">\(p.firstBloods)</td></tr>
            """
        }
        return """
        <table class="list"><thead><tr><th>Année</th><th>Thème</th><th class="num">Inscrits</th><th class="num">Présents</th><th class="num">Évolution</th>
        <th class="num">Équipes</th><th>Équipes par catégorie</th><th class="num">Âge moyen</th><th class="num">Femmes</th><th class="num">Résolutions</th>
        <th class="num">Premiers sangs</th></tr></thead><tbody>\(rows)</tbody></table>
        """
    }

    /// Categories in rows, editions in columns: solves (first bloods).
    static func solves(_ editions: [CTFFigureQueries.Edition]) -> HTML {
        let categories = CTFYearOverYear.categories(editions.map(\.categories))
        guard !categories.isEmpty else { return UI.emptyState("Aucune résolution enregistrée.") }
        let rows = categories.map { name -> HTML in
            let cells = editions.map { p -> HTML in
                guard let c = p.categories.first(where: { $0.category == name }) else { return "<td class=\"num\">—</td>" }
                return "<td class=\"num\">\(c.solves) <small>(\(c.firstBloods))</small></td>"
            }
            return "<tr><th scope=\"row\">\(name)</th>\(cells)</tr>"
        }
        let years = editions.map { HTML("<th class=\"num\">\($0.edition.year)</th>") }
        return """
        <table class="list"><caption>Résolutions (entre parenthèses : défis résolus, un premier sang chacun)</caption>
        <thead><tr><th>Catégorie</th>\(years)</tr></thead><tbody>\(rows)</tbody></table>
        """
    }

    static func detail(_ p: CTFFigureQueries.Edition) -> HTML {
        let e = p.edition, f = p.figures
        let brackets = f.teamsPerBracket.map { HTML("<tr><td>\($0.name)</td><td class=\"num\">\($0.teams)</td></tr>") }
        let categories = p.categories.map { c in
            HTML("<tr><td>\(c.category)</td><td class=\"num\">\(c.solves)</td><td class=\"num\">\(c.firstBloods)</td></tr>")
        }
        let bloods = p.firstBloodsByTeam.map { HTML("<tr><td>\($0.team)</td><td class=\"num\">\($0.count)</td></tr>") }
        return """
        <h2>\(e.title) · \(e.theme)</h2>
        <ul class="stats">
        <li><span>Joueurs présents</span><strong>\(f.playersOnSite)</strong><small>sur \(f.players) inscrits</small></li>
        <li><span>Équipes</span><strong>\(f.teams)</strong><small>dont \(f.studentTeams) étudiantes</small></li>
        <li><span>Âge moyen</span><strong>\(f.averageAge.map { "\($0) ans" } ?? "—")</strong></li>
        <li><span>Femmes</span><strong>\(f.womenPercent.map { "\($0) %" } ?? "—")</strong></li>
        <li><span>Résolutions</span><strong>\(p.solves)</strong><small>\(p.firstBloods) premiers sangs</small></li>
        </ul>
        <div class="columns">
        <section><h3>Équipes par catégorie</h3>\(brackets.isEmpty ? UI.emptyState("Aucune catégorie.") : HTML("<table class=\"list compact\"><thead><tr><th>Catégorie</th><th class=\"num\">Équipes</th></tr></thead><tbody>\(brackets)</tbody></table>"))</section>
        <section><h3>Défis par catégorie</h3>\(categories.isEmpty ? UI.emptyState("Aucune résolution.") : HTML("<table class=\"list compact\"><thead><tr><th>Catégorie de défis</th><th class=\"num\">Résolutions</th><th class=\"num\">Premiers sangs</th></tr></thead><tbody>\(categories)</tbody></table>"))</section>
        <section><h3>Premiers sangs par équipe</h3>\(bloods.isEmpty ? UI.emptyState("Aucun premier sang.") : HTML("<table class=\"list compact\"><thead><tr><th>Équipe</th><th class=\"num\">Premiers sangs</th></tr></thead><tbody>\(bloods)</tbody></table>"))</section>
        </div>
        """
    }

    /// The table across editions as a spreadsheet: one line per edition, one column per
    /// bracket name and per category of any edition.
    static func csv(_ editions: [CTFFigureQueries.Edition]) -> String {
        let categories = CTFYearOverYear.categories(editions.map(\.categories))
        var brackets: [String] = []
        for b in editions.flatMap({ $0.figures.teamsPerBracket.map(\.name) }) where !brackets.contains(b) { brackets.append(b) }
        let rows = editions.map { p -> [String] in
            let f = p.figures
            return [String(p.edition.year), String(p.edition.number), p.edition.theme, String(f.players), String(f.playersOnSite), String(f.teams), String(f.studentTeams)]
                + brackets.map { b in f.teamsPerBracket.first { $0.name == b }.map { String($0.teams) } ?? "" }
                + [f.averageAge.map(String.init) ?? "", f.womenPercent.map(String.init) ?? "", String(p.solves), String(p.firstBloods)]
                + categories.map { c in p.categories.first { $0.category == c }.map { String($0.solves) } ?? "" }
        }
        return CSVTable.write(header: ["Année", "Édition", "Thème", "Inscrits", "Présents", "Équipes", "Équipes étudiantes"]
                                + brackets.map { "Équipes \($0)" } + ["Âge moyen", "Femmes (%)", "Résolutions", "Premiers sangs"]
                                + categories.map { "Résolutions \($0)" }, rows: rows)
    }
}
