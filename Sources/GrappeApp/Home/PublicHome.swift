import Fluent
import GrappeDomain
import Vapor

/// The public welcome page: what the cluster is, the directory search, the latest news, job
/// offers and events, and the ways to join or follow it.
enum PublicHome {
    static func render(_ req: Request) async throws -> Response {
        let org = try await req.organisation()
        let orgID = try org.requireID()
        let news = try await NewsPost.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$status == .published)
            .sort(\.$publishedAt, .descending).limit(3).all()
        let offers = try await JobQueries.live(req.db, organisationID: orgID, now: req.now).sort(\.$createdAt, .descending).with(\.$company).limit(4).all()
        let events = try await ClusterEvent.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$audience == .everyone)
            .filter(\.$status == .planned).filter(\.$startsAt >= req.now).sort(\.$startsAt).limit(3).all()
        let members = try await DirectoryQueries.memberIDs(req.db, organisationID: orgID, now: req.now).count
        func list(_ items: [HTML], empty: String) -> HTML { items.isEmpty ? UI.emptyState(empty) : "<ul>\(items)</ul>" }
        let body: HTML = """
        <section class="hero">
        <h1>\(org.fullName)</h1>
        <p class="lead">\(members) entreprises du numérique calédonien réunies pour développer la filière.</p>
        <form method="get" action="\(Site.directoryIndex.path())" class="filters" role="search">\(Input.text("q", "Trouver un professionnel du numérique", FormState(), type: "search", maxLength: 100))<button class="primary">Rechercher</button></form>
        <p><a class="button primary" href="\(Site.joinForm.path())">Adhérer</a> <a class="button" href="\(Site.loginForm.path())">Espace adhérent</a> <a class="button" href="\(Site.diagnosticForm.path())">Diagnostic numérique de votre entreprise</a></p>
        </section>
        <div class="columns">
        <section><h2>Actualités</h2>\(list(news.map { HTML("<li><a href=\"\(Site.newsShow.path($0.slug))\">\($0.title)</a> <small class=\"muted\">\(FrenchDate.short($0.publishedAt ?? Date()))</small></li>") }, empty: "Pas encore d'actualité."))
        <p><a href="\(Site.newsIndex.path())">Toutes les actualités</a> · <a href="\(Site.subscriptionForm.path())">Recevoir la lettre</a></p></section>
        <section><h2>Offres d'emploi et de stage</h2>\(list(offers.map { HTML("<li><a href=\"\(Site.jobShow.path($0.id!))\">\($0.title)</a> — \($0.company.name), \($0.commune)</li>") }, empty: "Aucune offre en ligne."))
        <p><a href="\(Site.jobIndex.path())">Toutes les offres</a> · <a href="\(Site.candidateForm.path())">Déposer une candidature libre</a></p></section>
        <section><h2>Prochains événements</h2>\(list(events.map { HTML("<li><a href=\"\(Site.eventShow.path($0.id!))\">\($0.title)</a> — \(FrenchDate.long($0.startsAt))</li>") }, empty: "Aucun événement public annoncé."))
        <p><a href="\(Site.eventIndex.path())">L'agenda</a></p></section>
        </div>
        <p>Contact : <a href="mailto:\(org.email)">\(org.email)</a> · \(org.phone)</p>
        """
        let head: HTML = """
        <meta name="description" content="\(org.fullName) : annuaire des professionnels du numérique, offres d'emploi, actualités et événements.">
        <meta property="og:title" content="\(org.fullName)"><meta property="og:type" content="website"><meta property="og:url" content="\(req.application.baseURL)/">
        """
        return try await Layout.page(req, title: "Accueil", head: head, body: body)
    }
}
