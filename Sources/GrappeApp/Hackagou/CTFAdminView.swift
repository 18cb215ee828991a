import Foundation
import GrappeDomain

/// The staff's edition pages, drawn without a database: the editions with the creation form,
/// and an edition's page (status, figures, challenges, tools).
enum CTFAdminView {
    static func index(_ editions: [CTFPublicView.EditionLine], form: FormState, csrf: HTML) -> HTML {
        let rows = editions.map { e -> HTML in
            "<tr><td><a href=\"\(Site.ctfAdminEdition.path(e.year))\">Hackagou \(e.year)</a></td><td>\(e.theme)</td><td>\(FrenchDate.long(e.day))</td><td>\(e.status.label)</td><td class=\"num\">\(e.teams)</td><td class=\"num\">\(e.players)</td></tr>"
        }
        return """
        <div class="page-head"><h1>Hackagou</h1><div class="actions"><a class="button" href="\(Site.ctfAdminFigures.path())">Chiffres</a> <a class="button" href="\(Site.ctfIndex.path())">Pages publiques</a></div></div>
        \(editions.isEmpty ? UI.emptyState("Aucune édition.") : HTML("<table class=\"list\"><thead><tr><th>Édition</th><th>Thème</th><th>Date</th><th>État</th><th class=\"num\">Équipes</th><th class=\"num\">Joueurs</th></tr></thead><tbody>\(rows)</tbody></table>"))
        <details\(HTML.flag(.open, !form.errors.isEmpty))><summary>Nouvelle édition</summary>
        \(editionForm(form, action: Site.ctfAdminCreate.path(), button: "Créer l'édition", csrf: csrf))
        </details>
        """
    }

    static func editionForm(_ form: FormState, action: String, button: String, csrf: HTML) -> HTML {
        """
        \(form.summary)
        <form method="post" action="\(action)">\(csrf)
        <div class="columns">
        \(Input.text("number", "Numéro d'édition", form, type: "number", required: true))
        \(Input.text("year", "Année", form, type: "number", required: true))
        \(Input.text("theme", "Thème", form, required: true, maxLength: 150))
        \(Input.text("place", "Lieu", form, required: true, maxLength: 150))
        </div>
        <div class="columns">
        \(Input.text("date", "Jour", form, type: "date", required: true))
        \(Input.text("start", "Début de la compétition", form, type: "time", required: true))
        \(Input.text("end", "Fin", form, type: "time", required: true))
        \(Input.text("freeze", "Gel du classement (facultatif)", form, type: "time"))
        </div>
        <div class="columns">
        \(Input.text("regOpens", "Ouverture des inscriptions", form, type: "date", required: true))
        \(Input.text("regCloses", "Clôture des inscriptions (dernier jour)", form, type: "date", required: true))
        \(Input.text("teamSize", "Joueurs par équipe (au plus)", form, type: "number", required: true))
        </div>
        \(Input.textarea("brackets", "Catégories, une par ligne (« * » devant une catégorie étudiante)", form, maxLength: 600))
        \(Input.textarea("about", "Présentation (Markdown)", form, maxLength: 5000))
        <button class="primary">\(button)</button></form>
        """
    }

    struct ChallengeLine: Sendable {
        let id: Int
        let category: String
        let name: String
        let visible: Bool
        let value: Int
        let solves: Int
        let flags: Int
        let firstBlood: String?
    }

    struct EditionPage: Sendable {
        let edition: CTFEdition
        let teams: Int
        let players: Int
        let checkedIn: Int
        let attempts: Int
        let wrong: Int
        let challenges: [ChallengeLine]
        /// The partners chosen as sponsors, and those offered to choose from.
        let sponsors: Set<UUID>
        let partners: [Partner]
    }

    /// The sponsors' boxes as ticked in a refused form, and why it was refused.
    struct SponsorChoice: Sendable {
        let chosen: Set<UUID>
        let error: String
    }

    static func edition(_ p: EditionPage, form: FormState, sponsors: SponsorChoice? = nil, importError: String? = nil, csrf: HTML) -> HTML {
        let e = p.edition
        let moves = e.status.moves.map { s in
            UI.postButton(csrf: csrf, action: Site.ctfAdminStatus.path(e), label: "Passer à « \(s.label) »",
                          confirm: "Passer l'édition à « \(s.label) » ?", fields: [("vers", s.rawValue)])
        }
        let rows = p.challenges.map { c -> HTML in
            """
            <tr><td>\(c.category)</td><td><a href="\(Site.ctfAdminChallenge.path(e.year, c.id))">\(c.name)</a></td>
            <td>\(c.visible ? UI.badge("visible", "ok") : UI.badge("masqué", "muted"))\(c.flags == 0 ? HTML(" \(UI.badge("sans flag", "warn"))") : .empty)</td>
            <td class="num">\(c.value)</td><td class="num">\(c.solves)</td><td>\(c.firstBlood ?? "—")</td></tr>
            """
        }
        return """
        \(UI.breadcrumbs([("Hackagou", Site.ctfAdminIndex.path()), (e.title, nil)]))
        <div class="page-head"><h1>\(e.title) · \(e.theme)</h1>
        <div class="actions"><a class="button" href="\(Site.ctfAdminTeams.path(e))">Équipes</a> <a class="button" href="\(Site.ctfAdminCheckIn.path(e))">Accueil</a>
        <a class="button" href="\(Site.ctfAdminAttempts.path(e))">Tentatives</a> <a class="button" href="\(Site.ctfScoreboard.path(e))">Classement</a>
        <a class="button" href="\(Site.ctfScreen.path(e))">Grand écran</a> <a class="button" href="\(Site.ctfAdminFigures.path())?annee=\(e.year)">Chiffres</a></div></div>
        <p>État : <strong>\(e.status.label)</strong> \(moves)</p>
        <ul class="stats">
        <li><span>Équipes</span><strong>\(p.teams)</strong></li>
        <li><span>Joueurs</span><strong>\(p.players)</strong><small>\(p.checkedIn) arrivés</small></li>
        <li><span>Tentatives</span><strong>\(p.attempts)</strong><small>dont \(p.wrong) fausses</small></li>
        </ul>
        <div class="page-head"><h2>Défis</h2><div class="actions"><a class="button primary" href="\(Site.ctfAdminChallengeNew.path(e))">Nouveau défi</a></div></div>
        \(p.challenges.isEmpty ? UI.emptyState("Aucun défi.") : HTML("<table class=\"list\"><thead><tr><th>Catégorie</th><th>Défi</th><th>État</th><th class=\"num\">Valeur</th><th class=\"num\">Résolutions</th><th>Premier sang</th></tr></thead><tbody>\(rows)</tbody></table>"))
        \(sponsorForm(p, choice: sponsors, csrf: csrf))
        <details\(HTML.flag(.open, importError != nil))><summary>Importer des défis (format ctfcli)</summary>
        <p>Un <code>challenge.yml</code> seul, ou un zip du dépôt des auteurs : chaque dossier qui contient un <code>challenge.yml</code> est un défi,
        avec les fichiers qu'il liste. Une prévisualisation montre ce qui sera créé ; rien n'est importé tant qu'un problème reste.</p>
        \(CTFImportView.uploadForm(e, error: importError, csrf: csrf))
        </details>
        <p><a href="\(Site.ctfAdminExport.path(e))">Tous les défis (zip de challenge.yml et fichiers)</a> ·
        <a href="\(Site.ctfAdminTeamsCSV.path(e))">Équipes et joueurs (CSV)</a> · <a href="\(Site.ctfAdminScoreboardCSV.path(e))">Classement (CSV)</a></p>
        <details\(HTML.flag(.open, !form.errors.isEmpty))><summary>Modifier l'édition</summary>
        \(editionForm(form, action: Site.ctfAdminEditionSave.path(e), button: "Enregistrer", csrf: csrf))
        </details>
        """
    }

    /// The edition's sponsors, ticked among the cluster's partners (this year's first).
    static func sponsorForm(_ p: EditionPage, choice: SponsorChoice?, csrf: HTML) -> HTML {
        let e = p.edition
        let chosen = choice?.chosen ?? p.sponsors
        let boxes = p.partners.compactMap { partner -> HTML? in
            guard let id = partner.id else { return nil }
            let year: HTML = partner.year == e.year ? .empty : " (\(partner.year))"
            return "<label class=\"chip\"><input type=\"checkbox\" name=\"sponsors[]\" value=\"\(id.uuidString)\"\(HTML.flag(.checked, chosen.contains(id)))> \(partner.name)\(year)</label>"
        }
        let error: HTML = choice.map { HTML("<p class=\"error\" id=\"sponsors-error\" role=\"alert\">\($0.error)</p>") } ?? .empty
        let body: HTML = p.partners.isEmpty
            ? UI.emptyState("Aucun partenaire enregistré : ajoutez-les d'abord à la page des partenaires.",
                            action: HTML("<a class=\"button\" href=\"\(Site.partnerIndex.path())?annee=\(e.year)\">Partenaires \(e.year)</a>"))
            : """
            <form method="post" action="\(Site.ctfAdminSponsors.path(e))">\(csrf)
            <fieldset\(HTML.attribute("aria-describedby", "sponsors-error", when: choice != nil))><legend>Partenaires du cluster (ceux de \(e.year) d'abord)</legend>\(boxes)</fieldset>
            \(error)<button class="primary">Enregistrer les partenaires</button></form>
            """
        return """
        <details id="partenaires"\(HTML.flag(.open, choice != nil))><summary>Partenaires de l'édition (\(p.sponsors.count))</summary>
        \(body)
        </details>
        """
    }
}
