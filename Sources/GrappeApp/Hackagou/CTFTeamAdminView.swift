import Foundation
import GrappeDomain

/// The staff's pages about teams and players, drawn without a database: the teams (hide, ban,
/// bonus or penalty), the phone check-in, and the submission log.
enum CTFTeamAdminView {
    struct TeamLine: Sendable {
        let id: Int
        let name: String
        let bracket: String?
        let affiliation: String
        let players: [String]
        let hidden: Bool
        let banned: Bool
        let score: Int
        let position: Int?
    }

    static func teams(_ e: CTFEdition, _ teams: [TeamLine], csrf: HTML) -> HTML {
        let rows = teams.map { t -> HTML in
            let state: HTML = t.banned ? UI.badge("exclue", "danger") : t.hidden ? UI.badge("masquée", "warn") : UI.badge("classée", "ok")
            let action = Site.ctfAdminTeamFlag.path(e.year, t.id)
            return """
            <tr id="equipe-\(t.id)"><td><strong>\(t.name)</strong><br><small>\(t.bracket ?? "—") · \(t.affiliation)</small></td>
            <td>\(t.players.joined(separator: ", "))</td><td class="num">\(t.position.map(String.init) ?? "—")</td><td class="num">\(t.score)</td><td>\(state)</td>
            <td>\(UI.postButton(csrf: csrf, action: action, label: t.hidden ? "Afficher" : "Masquer", fields: [("hidden", t.hidden ? "0" : "1")]))
            \(UI.postButton(csrf: csrf, action: action, label: t.banned ? "Réintégrer" : "Exclure", style: "danger", confirm: t.banned ? nil : "Exclure l'équipe \(t.name) ?", fields: [("banned", t.banned ? "0" : "1")]))
            <form method="post" action="\(Site.ctfAdminAward.path(e.year, t.id))" class="inline">\(csrf)
            <input name="value" type="number" aria-label="Points" required min="-100000" max="100000"> <input name="name" aria-label="Motif" placeholder="Motif" required maxlength="120">
            <button>Bonus / pénalité</button></form></td></tr>
            """
        }
        return """
        \(UI.breadcrumbs([("Hackagou", Site.ctfAdminIndex.path()), (e.title, Site.ctfAdminEdition.path(e)), ("Équipes", nil)]))
        <h1>Équipes · \(e.title)</h1>
        <p><a href="\(Site.ctfAdminTeamsCSV.path(e))">Équipes et joueurs (CSV)</a></p>
        \(teams.isEmpty ? UI.emptyState("Aucune équipe inscrite.") : HTML("<table class=\"list\"><thead><tr><th>Équipe</th><th>Joueurs</th><th class=\"num\">Rang</th><th class=\"num\">Points</th><th>État</th><th><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>\(rows)</tbody></table>"))
        """
    }

    struct PlayerLine: Sendable {
        let id: Int
        let pseudonym: String
        let fullName: String
        let team: String
        let checkedInAt: Date?
    }

    static func checkIn(_ e: CTFEdition, players: [PlayerLine], query: String, arrived: Int, total: Int, csrf: HTML) -> HTML {
        let rows = players.map { p -> HTML in
            """
            <li class="card"><strong>\(p.fullName)</strong> « \(p.pseudonym) » · \(p.team)
            \(p.checkedInAt.map { HTML("<p>\(UI.badge("arrivé·e à \(FrenchDate.clock($0))", "ok"))</p>") } ?? UI.postButton(csrf: csrf, action: Site.ctfAdminCheckInPlayer.path(e.year, p.id), label: "Arrivé·e", style: "primary"))</li>
            """
        }
        return """
        \(UI.breadcrumbs([("Hackagou", Site.ctfAdminIndex.path()), (e.title, Site.ctfAdminEdition.path(e)), ("Accueil", nil)]))
        <h1>Accueil des joueurs</h1>
        <p>\(arrived) arrivé·e·s sur \(total) inscrit·e·s.</p>
        <form method="get" action="\(Site.ctfAdminCheckIn.path(e))" class="filters" role="search">
        \(Input.text("q", "Nom, pseudonyme ou équipe", FormState(values: ["q": query]), type: "search", maxLength: 100))
        <button class="primary">Chercher</button></form>
        \(players.isEmpty ? UI.emptyState(query.isEmpty ? "Aucun joueur inscrit." : "Aucun joueur ne correspond à « \(query) ».") : HTML("<ul class=\"cards\">\(rows)</ul>"))
        """
    }

    struct AttemptLine: Sendable {
        let at: Date
        let team: String
        let player: String
        let challenge: String
        let submission: String
        let correct: Bool
        let ip: String
    }

    /// `shared`: wrong flags sent by several teams (a flag passed around); `noisy`: the teams
    /// with the most wrong flags (brute force).
    static func attempts(_ e: CTFEdition, _ lines: [AttemptLine], shared: [(submission: String, teams: Int)], noisy: [(team: String, wrong: Int)],
                         pages: Pagination, wrongOnly: Bool) -> HTML {
        let rows = lines.map { a -> HTML in
            "<tr><td>\(FrenchDate.dateTime(a.at))</td><td>\(a.team)</td><td>\(a.player)</td><td>\(a.challenge)</td><td><code>\(a.submission)</code></td><td>\(a.correct ? UI.badge("juste", "ok") : UI.badge("faux", "muted"))</td><td>\(a.ip)</td></tr>"
        }
        let sharedRows = shared.map { HTML("<tr><td><code>\($0.submission)</code></td><td class=\"num\">\($0.teams)</td></tr>") }
        let noisyRows = noisy.map { HTML("<tr><td>\($0.team)</td><td class=\"num\">\($0.wrong)</td></tr>") }
        let path = Site.ctfAdminAttempts.path(e)
        return """
        \(UI.breadcrumbs([("Hackagou", Site.ctfAdminIndex.path()), (e.title, Site.ctfAdminEdition.path(e)), ("Tentatives", nil)]))
        <h1>Tentatives · \(e.title)</h1>
        <div class="columns">
        <section><h2>Même flag faux, plusieurs équipes</h2>\(shared.isEmpty ? UI.emptyState("Rien de suspect.") : HTML("<table class=\"list compact\"><thead><tr><th>Flag</th><th class=\"num\">Équipes</th></tr></thead><tbody>\(sharedRows)</tbody></table>"))</section>
        <section><h2>Le plus de flags faux</h2>\(noisy.isEmpty ? UI.emptyState("Aucune tentative.") : HTML("<table class=\"list compact\"><thead><tr><th>Équipe</th><th class=\"num\">Faux</th></tr></thead><tbody>\(noisyRows)</tbody></table>"))</section>
        </div>
        <p>\(wrongOnly ? HTML("<a href=\"\(path)\">Toutes les tentatives</a>") : HTML("<a href=\"\(path)?faux=1\">Seulement les flags faux</a>"))</p>
        \(lines.isEmpty ? UI.emptyState("Aucune tentative.") : HTML("<table class=\"list\"><thead><tr><th>Quand</th><th>Équipe</th><th>Joueur</th><th>Défi</th><th>Proposition</th><th>Résultat</th><th>Adresse</th></tr></thead><tbody>\(rows)</tbody></table>"))
        \(pages.links(path: path, params: wrongOnly ? ["faux": "1"] : [:]))
        """
    }
}
