import Vapor

/// The page shell: head, navigation by role (folded behind « Menu » on small screens, without
/// JavaScript: a checkbox and its label), flash message, footer. Every HTML page goes
/// through `Layout.page`.
enum Layout {
    static func page(_ req: Request, title: String, status: HTTPStatus = .ok, head: HTML = .empty, body: HTML) async throws -> Response {
        let org = try? await req.organisation()
        let flash = req.takeFlash()
        let document: HTML = """
        <!doctype html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · \(org?.name ?? "Grappe")</title>
        <link rel="stylesheet" href="\(Site.assetsCss.path())">
        <script src="\(Site.assetsJs.path())" defer></script>
        \(head)
        </head>
        <body>
        <header class="site">
        <a class="brand" href="/">\(org?.name ?? "Grappe")</a>
        <input type="checkbox" id="site-menu" class="menu-toggle" aria-controls="site-nav"><label for="site-menu" class="menu-button">Menu</label>
        \(navigation(req))
        </header>
        <main>
        \(flash.map { f in HTML("<p class=\"flash flash-\(f.kind.rawValue)\" role=\"status\">\(f.message)</p>") })
        \(body)
        </main>
        <footer class="site">\(org?.fullName ?? "") · \(org?.email ?? "") · <a href="\(Site.subscriptionForm.path())">Lettre d'information</a> · <a href="\(Site.candidateForm.path())">Candidature libre</a> · <a href="\(Site.directoryIndex.path())">Annuaire</a> · propulsé par Grappe</footer>
        </body>
        </html>
        """
        return Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: document.raw))
    }

    static func navigation(_ req: Request) -> HTML {
        guard let user = req.viewer.user else {
            return "<nav id=\"site-nav\"><a href=\"\(Site.directoryIndex.path())\">Annuaire</a> <a href=\"\(Site.jobIndex.path())\">Emplois</a> <a href=\"\(Site.newsIndex.path())\">Actualités</a> <a href=\"\(Site.eventIndex.path())\">Événements</a> <a href=\"\(Site.programmeIndex.path())\">Projets</a> <a href=\"\(Site.joinForm.path())\">Adhérer</a> <a href=\"\(Site.loginForm.path())\">Se connecter</a></nav>"
        }
        var links: [(String, String)] = []
        switch user.role {
        case .staff:
            links = [(Site.homeDashboard.path(), "Accueil"), (Site.memberListIndex.path(), "Adhérents"), (Site.applicationsIndex.path(), "Adhésions"), (Site.duesDashboardIndex.path(), "Cotisations"),
                     (Site.governanceIndex.path(), "Gouvernance"), (Site.groupIndex.path(), "Groupes"), (Site.eventIndex.path(), "Événements"), (Site.directoryAdminIndex.path(), "Annuaire"),
                     (Site.jobIndex.path(), "Emplois"), (Site.newsManage.path(), "Actualités"), (Site.newsletterIndex.path(), "Lettres"), (Site.programmeIndex.path(), "Programmes"), (Site.diagnosticAdminIndex.path(), "Diagnostics"),
                     (Site.collecteIndex.path(), "Collecte"), (Site.ctfAdminIndex.path(), "Hackagou"), (Site.partnerIndex.path(), "Partenaires"), (Site.reportIndex.path(), "Rapport"), (Site.outboxIndex.path(), "Courriels"), (Site.organisationEdit.path(), "Réglages")]
        case .board:
            links = [(Site.homeDashboard.path(), "Accueil"), (Site.memberListIndex.path(), "Adhérents"), (Site.applicationsIndex.path(), "Adhésions"), (Site.duesDashboardIndex.path(), "Cotisations"),
                     (Site.governanceIndex.path(), "Gouvernance"), (Site.groupIndex.path(), "Groupes"), (Site.programmeIndex.path(), "Programmes"), (Site.collecteIndex.path(), "Collecte"), (Site.directoryIndex.path(), "Annuaire"), (Site.reportIndex.path(), "Rapport")]
        case .member:
            links = [(Site.memberMine.path(), "Mon entreprise"), (Site.directoryIndex.path(), "Annuaire"), (Site.jobIndex.path(), "Emplois"), (Site.poolIndex.path(), "Vivier"),
                     (Site.newsIndex.path(), "Actualités"), (Site.groupIndex.path(), "Commissions"), (Site.eventIndex.path(), "Événements")]
        case .charity:
            links = [(Site.portalCharity.path(), "Matériel attribué"), (Site.eventIndex.path(), "Événements")]
        case .player:
            links = [(Site.ctfPlay.path(), "Défis"), (Site.ctfTeam.path(), "Mon équipe"), (Site.ctfIndex.path(), "Hackagou")]
        }
        let path = req.url.path
        let items = links.map { link -> HTML in
            let current = path == link.0 || (link.0 != "/" && path.hasPrefix(link.0 + "/"))
            return "<a href=\"\(link.0)\"\(HTML.attribute("aria-current", "page", when: current))>\(link.1)</a>"
        }
        return """
        <nav id="site-nav">\(items)
        <span class="who" title="\(user.role.label)">\(user.role == .player ? .empty : HTML("<a href=\"\(Site.calendarSettings.path())\">Agenda</a> · <a href=\"\(Site.privacyMine.path())\">Mes données</a> · "))\(user.displayName)</span>
        <form method="post" action="\(Site.loginLogout.path())" class="inline">\(CSRF.hiddenField(req))<button class="link">Se déconnecter</button></form>
        </nav>
        """
    }
}
