import Vapor

/// The page shell: head, navigation by role, flash message, footer. Every HTML page goes
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
        <link rel="stylesheet" href="/assets/grappe.css">
        <script src="/assets/grappe.js" defer></script>
        \(head)
        </head>
        <body>
        <header class="site">
        <a class="brand" href="/">\(org?.name ?? "Grappe")</a>
        \(navigation(req))
        </header>
        <main>
        \(flash.map { f in HTML("<p class=\"flash flash-\(f.kind.rawValue)\" role=\"status\">\(f.message)</p>") })
        \(body)
        </main>
        <footer class="site">\(org?.fullName ?? "") · \(org?.email ?? "") · <a href="/lettre">Lettre d'information</a> · <a href="/candidatures">Candidature libre</a> · <a href="/annuaire">Annuaire</a> · propulsé par Grappe</footer>
        </body>
        </html>
        """
        return Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: document.raw))
    }

    static func navigation(_ req: Request) -> HTML {
        guard let user = req.viewer.user else {
            return "<nav><a href=\"/annuaire\">Annuaire</a> <a href=\"/emplois\">Emplois</a> <a href=\"/actualites\">Actualités</a> <a href=\"/evenements\">Événements</a> <a href=\"/programmes\">Projets</a> <a href=\"/adhesion\">Adhérer</a> <a href=\"/connexion\">Se connecter</a></nav>"
        }
        var links: [(String, String)] = []
        switch user.role {
        case .staff:
            links = [("/tableau-de-bord", "Accueil"), ("/adherents", "Adhérents"), ("/adhesions", "Adhésions"), ("/cotisations", "Cotisations"),
                     ("/gouvernance", "Gouvernance"), ("/groupes", "Groupes"), ("/evenements", "Événements"), ("/annuaire/gestion", "Annuaire"),
                     ("/emplois", "Emplois"), ("/actualites/gestion", "Actualités"), ("/lettres", "Lettres"), ("/programmes", "Programmes"),
                     ("/collecte", "Collecte"), ("/partenaires", "Partenaires"), ("/rapport", "Rapport"), ("/courriels", "Courriels"), ("/organisation", "Réglages")]
        case .board:
            links = [("/tableau-de-bord", "Accueil"), ("/adherents", "Adhérents"), ("/adhesions", "Adhésions"), ("/cotisations", "Cotisations"),
                     ("/gouvernance", "Gouvernance"), ("/groupes", "Groupes"), ("/programmes", "Programmes"), ("/collecte", "Collecte"), ("/annuaire", "Annuaire"), ("/rapport", "Rapport")]
        case .member:
            links = [("/mon-entreprise", "Mon entreprise"), ("/annuaire", "Annuaire"), ("/emplois", "Emplois"), ("/vivier", "Vivier"),
                     ("/actualites", "Actualités"), ("/groupes", "Commissions"), ("/evenements", "Événements")]
        case .charity:
            links = [("/collecte/association", "Matériel attribué"), ("/evenements", "Événements")]
        }
        let path = req.url.path
        let items = links.map { link -> HTML in
            let current = path == link.0 || (link.0 != "/" && path.hasPrefix(link.0 + "/"))
            return "<a href=\"\(link.0)\"\(HTML.attribute("aria-current", "page", when: current))>\(link.1)</a>"
        }
        return """
        <nav>\(items)
        <span class="who" title="\(user.role.label)"><a href="/compte/agenda">Agenda</a> · <a href="/compte/donnees">Mes données</a> · \(user.displayName)</span>
        <form method="post" action="/deconnexion" class="inline">\(CSRF.hiddenField(req))<button class="link">Se déconnecter</button></form>
        </nav>
        """
    }
}
