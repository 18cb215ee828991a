import Foundation
import GrappeDomain

/// Hackagou's public pages, drawn without a database: the editions, an edition, the
/// registration form, the scoreboard and the venue's big screen.
enum CTFPublicView {
    struct EditionLine: Sendable {
        let year: Int
        let number: Int
        let theme: String
        let place: String
        let day: Date
        let status: CTFEditionStatus
        let teams: Int
        let players: Int
    }

    static func index(_ editions: [EditionLine]) -> HTML {
        let rows = editions.map { e -> HTML in
            """
            <tr><td><a href="\(Site.ctfEdition.path(e.year))">Hackagou \(e.year)</a> (\(e.number)e édition)</td><td>\(e.theme)</td><td>\(e.place)</td>
            <td>\(FrenchDate.long(e.day))</td><td>\(e.status.label)</td><td class="num">\(e.teams)</td><td class="num">\(e.players)</td></tr>
            """
        }
        return """
        <h1>Hackagou</h1>
        <p class="lead">Le CTF (« capture the flag ») de la filière numérique calédonienne, organisé par la commission Cybersécurité
        pendant une journée consacrée aux métiers du numérique : des équipes d'étudiants, de lycéens et de professionnels résolvent
        des défis de sécurité informatique. Objectif : susciter des vocations en cybersécurité.</p>
        \(editions.isEmpty ? UI.emptyState("Aucune édition publiée.") : HTML("<table class=\"list\"><thead><tr><th>Édition</th><th>Thème</th><th>Lieu</th><th>Date</th><th>État</th><th class=\"num\">Équipes</th><th class=\"num\">Joueurs</th></tr></thead><tbody>\(rows)</tbody></table>"))
        """
    }

    /// `sponsors`: the edition's partners, by name.
    static func edition(_ e: CTFEdition, teams: Int, players: Int, sponsors: [Partner], registrationOpen: Bool, now: Date) -> HTML {
        let brackets = e.brackets.sorted { $0.position < $1.position }.map(\.name).joined(separator: ", ")
        return """
        \(UI.breadcrumbs([("Hackagou", Site.ctfIndex.path()), (e.title, nil)]))
        <div class="page-head"><h1>\(e.title) · \(e.theme)</h1>
        <div class="actions">\(registrationOpen ? HTML("<a class=\"button primary\" href=\"\(Site.ctfRegisterForm.path(e))\">S'inscrire</a> ") : .empty)<a class="button" href="\(Site.ctfScoreboard.path(e))">Classement</a></div></div>
        <p class="lead">\(e.number)e édition · \(e.place) · \(FrenchDate.long(e.startsAt)), de \(FrenchDate.clock(e.startsAt)) à \(FrenchDate.clock(e.endsAt)).</p>
        \(e.about.isEmpty ? .empty : HTML("<div class=\"panel\">\(HTML.markdown(e.about))</div>"))
        <ul class="stats">
        <li><span>Équipes inscrites</span><strong>\(teams)</strong></li>
        <li><span>Joueurs</span><strong>\(players)</strong></li>
        <li><span>Équipes de</span><strong>\(e.teamSize) joueurs au plus</strong></li>
        </ul>
        \(brackets.isEmpty ? .empty : HTML("<p>Catégories : \(brackets).</p>"))
        <p>Inscriptions \(registrationOpen ? "ouvertes jusqu'au \(FrenchDate.dateTime(e.registrationClosesAt))" : now < e.registrationOpensAt ? "à partir du \(FrenchDate.dateTime(e.registrationOpensAt))" : "closes").</p>
        \(sponsors.isEmpty ? .empty : HTML("<section><h2>Partenaires de l'édition</h2><ul class=\"partners\">\(sponsors.map { HTML("<li>\(PartnerView.badge($0))</li>") })</ul></section>"))
        """
    }

    static func registration(_ e: CTFEdition, form: FormState, companies: [(String, String)], csrf: HTML) -> HTML {
        let brackets = e.brackets.sorted { $0.position < $1.position }.compactMap { b in b.id.map { (String($0), b.name) } }
        let joining = form["team"] == "join"
        return """
        \(UI.breadcrumbs([("Hackagou", Site.ctfIndex.path()), (e.title, Site.ctfEdition.path(e)), ("Inscription", nil)]))
        <h1>S'inscrire à \(e.title)</h1>
        <p>Une équipe compte \(e.teamSize) joueurs au plus. Le capitaine crée l'équipe et transmet son code d'invitation à ses coéquipiers.</p>
        \(form.summary)
        <form method="post" action="\(Site.ctfRegister.path(e))">\(csrf)\(PublicFormGuard.field)
        <fieldset><legend>Vous</legend>
        \(Input.text("pseudonym", "Pseudonyme (affiché au classement)", form, required: true, maxLength: 40))
        \(Input.text("fullName", "Nom et prénom", form, required: true, maxLength: 120))
        \(Input.text("email", "Adresse électronique", form, type: "email", required: true, maxLength: 254))
        \(Input.text("password", "Mot de passe", FormState(errors: form.errors), type: "password", required: true, maxLength: 200, hint: "\(PasswordRule.minimumLength) caractères au moins."))
        \(Input.text("birthYear", "Année de naissance", form, type: "number", required: true))
        \(Input.select("gender", "Genre (facultatif)", form, options: Gender.allCases.map { ($0.rawValue, $0.label) }, blank: "Ne pas répondre"))
        </fieldset>
        <fieldset><legend>Votre équipe</legend>
        <div class="field check"><label><input type="radio" name="team" value="create"\(HTML.flag(.checked, !joining))> Je crée une équipe</label>
        <label><input type="radio" name="team" value="join"\(HTML.flag(.checked, joining))> Je rejoins une équipe</label></div>
        \(Input.text("teamName", "Nom de l'équipe (création)", form, maxLength: 40))
        \(brackets.isEmpty ? .empty : Input.select("bracket", "Catégorie (création)", form, options: brackets, blank: "Choisir"))
        \(Input.text("affiliation", "École ou entreprise (création)", form, maxLength: 120))
        \(companies.isEmpty ? .empty : Input.select("companyID", "Entreprise adhérente (si c'en est une)", form, options: companies, blank: "Aucune"))
        \(Input.text("inviteCode", "Code d'invitation (pour rejoindre)", form, maxLength: 20))
        </fieldset>
        <fieldset><legend>Consentements</legend>
        \(check("rules", "J'accepte le règlement de la compétition *", form))
        \(check("statistics", "J'accepte que mon âge et mon genre soient comptés, anonymement, dans les statistiques de l'édition", form))
        \(check("shareProfile", CTFProfileSharing.label + " (facultatif)", form))
        <p class="hint"><small>\(CTFProfileSharing.consentWording)</small></p>
        </fieldset>
        <button class="primary">S'inscrire</button></form>
        """
    }

    static func check(_ name: String, _ label: String, _ form: FormState) -> HTML {
        """
        \(Input.checkbox(name, label, checked: form[name] == "1"))\(form.errors[name].map { HTML("<p class=\"error\" id=\"\(name)-error\">\($0)</p>") })
        """
    }

    static func scoreboard(_ page: CTFScoreboardPage, screen: Bool) -> HTML {
        let route = screen ? Site.ctfScreen : Site.ctfScoreboard
        let tabs = ([(nil, "Général")] + page.brackets.map { (Optional($0.id), $0.name) }).map { b -> HTML in
            let href = route.path(page.year) + (b.0.map { "?tranche=\($0)" } ?? "")
            return "<a href=\"\(href)\"\(HTML.attribute("aria-current", "page", when: b.0 == page.bracketID))>\(b.1)</a>"
        }
        let rows = page.rows.map { r in
            HTML("<tr><td class=\"num\">\(r.position)</td><td>\(r.name)</td><td>\(r.bracket ?? "")</td><td class=\"num\">\(r.solves)</td><td class=\"num\">\(r.score)</td></tr>")
        }
        return """
        <div class="\(screen ? "ctf-screen" : "ctf-scoreboard")" data-live="5">
        <div class="page-head"><h1>Classement · \(page.title)</h1></div>
        \(page.brackets.isEmpty ? .empty : HTML("<nav class=\"tabs\">\(tabs)</nav>"))
        \(page.frozenAt.map { HTML("<p class=\"flash flash-info\" role=\"status\">Classement gelé depuis \(FrenchDate.clock($0)) : les derniers points seront révélés à la remise des prix.</p>") })
        \(page.chart.map { $0.render() } ?? .empty)
        \(page.rows.isEmpty ? UI.emptyState("Aucune équipe n'a encore marqué.") : HTML("<table class=\"list\"><thead><tr><th class=\"num\">Rang</th><th>Équipe</th><th>Catégorie</th><th class=\"num\">Défis</th><th class=\"num\">Points</th></tr></thead><tbody>\(rows)</tbody></table>"))
        </div>
        """
    }
}
