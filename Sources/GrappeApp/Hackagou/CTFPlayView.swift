import Foundation
import GrappeDomain

/// The players' pages, drawn without a database: the board of challenges by category, one
/// challenge with its flag form and hints, and the team's page.
enum CTFPlayView {
    static func board(_ page: CTFBoardPage, now: Date) -> HTML {
        let sections = page.categories.map { category -> HTML in
            let tiles = category.tiles.map { t -> HTML in
                """
                <li\(HTML.attribute("class", "solved", when: t.solvedByTeam))><a href="\(Site.ctfChallenge.path(t.id))">
                <strong>\(t.name)</strong><span class="value">\(t.value) pts</span>
                <small>\(t.solves) résolution\(t.solves > 1 ? "s" : "")\(t.solvedByTeam ? " · résolu ✓" : "")</small></a></li>
                """
            }
            return "<section><h2>\(category.name)</h2><ul class=\"ctf-board\">\(tiles)</ul></section>"
        }
        return """
        <div class="page-head"><h1>\(page.editionTitle) · \(page.theme)</h1>
        <div class="actions"><a class="button" href="\(Site.ctfTeam.path())">Mon équipe</a></div></div>
        <ul class="stats">
        <li><span>Équipe</span><strong>\(page.teamName)</strong></li>
        <li><span>Score</span><strong>\(page.score) pts</strong></li>
        <li><span>Classement</span><strong>\(page.position.map { "\($0)e" } ?? "—")</strong><small>sur \(page.teamCount) équipe\(page.teamCount > 1 ? "s" : "")\(page.frozen ? " · classement gelé" : "")</small></li>
        </ul>
        \(status(running: page.running, endsAt: page.endsAt, now: now))
        \(page.categories.isEmpty ? UI.emptyState("Aucun défi n'est encore ouvert.") : "\(sections)")
        """
    }

    static func status(running: Bool, endsAt: Date, now: Date) -> HTML {
        if running { return "<p class=\"muted\">Fin de la compétition : \(FrenchDate.dateTime(endsAt)).</p>" }
        return "<p class=\"flash flash-info\" role=\"status\">La compétition n'est pas en cours : les flags ne sont pas acceptés pour le moment.</p>"
    }

    /// `answer`: the verdict of the flag just sent (with what was typed), if any.
    static func challenge(_ page: CTFChallengePage, answer: (text: String, success: Bool)?, typed: String, csrf: HTML) -> HTML {
        let d = page.detail
        let hints = d.hints.map { h -> HTML in
            if h.unlocked { return "<li><p>\(h.content)</p>\(h.cost > 0 ? HTML("<small class=\"muted\">débloqué · \(h.cost) pts</small>") : .empty)</li>" }
            return "<li>\(UI.postButton(csrf: csrf, action: Site.ctfHintUnlock.path(h.id), label: "Débloquer un indice (−\(h.cost) pts)", confirm: "Débloquer cet indice coûte \(h.cost) points à votre équipe. Continuer ?"))</li>"
        }
        let form: HTML = page.solvedByTeam ? "<p class=\"flash flash-success\" role=\"status\">Votre équipe a résolu ce défi.</p>" : """
            <form method="post" action="\(Site.ctfSubmit.path(page.id))" class="inline-form">\(csrf)
            \(Input.text("flag", "Flag", FormState(values: ["flag": typed]), required: true, maxLength: Submission.maxLength, extra: " autocomplete=\"off\" spellcheck=\"false\""))
            <button class="primary">Valider</button></form>
            \(page.attemptsLeft.map { HTML("<p class=\"muted\">Tentatives restantes : \($0) sur \(page.maxAttempts).</p>") })
            """
        return """
        \(UI.breadcrumbs([("Défis", Site.ctfPlay.path()), (page.name, nil)]))
        <div class="page-head"><h1>\(page.name)</h1></div>
        <p>\(UI.badge(page.category, "info")) <strong>\(page.value) pts</strong> · \(page.solves) résolution\(page.solves > 1 ? "s" : "")\(page.firstBlood.map { " · premier sang : \($0)" } ?? "")\(d.author.isEmpty ? "" : " · auteur : \(d.author)")</p>
        \(d.tags.isEmpty ? .empty : HTML("<p>\(d.tags.map { UI.badge($0, "muted") })</p>"))
        <div class="panel">\(HTML.markdown(d.about))</div>
        \(d.connectionInfo.isEmpty ? .empty : HTML("<p>Connexion : <code>\(d.connectionInfo)</code></p>"))
        \(d.files.isEmpty ? .empty : HTML("<p>Fichiers : \(d.files.map { f in HTML("<a href=\"\(Site.ctfFile.path(f.id, f.filename))\" download>\(f.filename)</a> (\(Money.grouped(f.size)) o)") }.joined(separator: " · "))</p>"))
        \(answer.map { HTML("<p class=\"ctf-answer flash flash-\($0.success ? "success" : "error")\" role=\"alert\">\($0.text)</p>") })
        \(form)
        \(d.hints.isEmpty ? .empty : HTML("<h2>Indices</h2><ul>\(hints)</ul>"))
        """
    }

    /// `sharedUntil`: when the player's profile stops being shared with member companies (nil
    /// when it is not shared).
    static func team(_ page: CTFTeamPage, token: String?, sharedUntil: Date?, apiBase: String, csrf: HTML) -> HTML {
        let players = page.players.map { HTML("<li>\($0.pseudonym)\($0.captain ? " (capitaine)" : "")</li>") }
        let lines = page.lines.map { l -> HTML in
            "<tr><td>\(FrenchDate.dateTime(l.at))</td><td>\(l.label)\(l.firstBlood ? HTML(" \(UI.badge("premier sang", "ok"))") : .empty)</td><td>\(l.by ?? "—")</td><td class=\"num\">\(l.value)</td></tr>"
        }
        return """
        \(UI.breadcrumbs([("Défis", Site.ctfPlay.path()), (page.name, nil)]))
        <h1>\(page.name)</h1>
        <ul class="stats">
        <li><span>Score</span><strong>\(page.score) pts</strong></li>
        <li><span>Classement</span><strong>\(page.position.map { "\($0)e" } ?? "—")</strong></li>
        <li><span>Catégorie</span><strong>\(page.bracket ?? "—")</strong><small>\(page.affiliation)</small></li>
        </ul>
        <h2>Joueurs (\(page.players.count) sur \(page.teamSize))</h2><ul>\(players)</ul>
        \(page.players.count < page.teamSize ? HTML("<p>Code d'invitation à donner à vos coéquipiers : <code class=\"token\">\(page.inviteCode)</code></p>") : .empty)
        <h2>Résolutions et points</h2>
        \(page.lines.isEmpty ? UI.emptyState("Aucun point pour l'instant.") : HTML("<table class=\"list\"><thead><tr><th>Quand</th><th>Défi</th><th>Par</th><th class=\"num\">Points</th></tr></thead><tbody>\(lines)</tbody></table>"))
        <h2>Mon profil et les entreprises adhérentes</h2>
        \(sharedUntil.map { until in HTML("""
            <p>Votre profil (pseudonyme, nom, adresse, année de naissance, école ou entreprise, défis résolus) est partagé avec les entreprises adhérentes
            à jour de leur cotisation, dans le vivier de candidats, jusqu'au \(FrenchDate.long(until)).</p>
            \(UI.postButton(csrf: csrf, action: Site.ctfShareWithdraw.path(), label: "Retirer mon profil du vivier", confirm: "Ne plus partager votre profil avec les entreprises adhérentes ?"))
            """) } ?? HTML("<p>Votre profil n'est pas partagé avec les entreprises adhérentes.</p>"))
        <h2>Jouer avec un script</h2>
        <p>L'API est celle de CTFd : un script écrit pour CTFd fonctionne ici tel quel.</p>
        \(token.map { HTML("<div class=\"flash flash-success\" role=\"status\"><p>Votre jeton (copiez-le maintenant, il ne sera plus affiché) :</p><p><code class=\"token\">\($0)</code></p></div>") })
        <form method="post" action="\(Site.ctfTokenCreate.path())" class="inline">\(csrf)<button>Créer un jeton d'accès</button></form>
        <pre>curl -H "Authorization: Token VOTRE_JETON" -H "Content-Type: application/json" \\
          -d '{"challenge_id": 1, "submission": "HACKAGOU{…}"}' \(apiBase)\(Site.ctfAPIAttempt.path())</pre>
        """
    }
}
