import Fluent
import GrappeDomain
import Vapor

/// The staff's report pages: the years, one year's preparation (texts, communication figures,
/// contents, status), the live preview, and the start of a PDF or a freeze.
enum ReportController {
    static func year(_ req: Request) throws -> Int {
        guard let year = req.parameters.get("year", as: Int.self), (2000...2100).contains(year) else { throw Abort(.notFound) }
        return year
    }

    static func index(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        let orgID = try await req.organisationID()
        let frozen = try await FrozenReport.query(on: req.db).filter(\.$organisation.$id == orgID).field(\.$id).field(\.$year).field(\.$frozenAt).all()
        let years = Set(try await MemberQueries.years(req.db, organisationID: orgID)).union(frozen.map(\.year)).sorted(by: >)
        let rows = years.map { y -> HTML in
            let f = frozen.first { $0.year == y }
            return """
            <tr><td><a href="\(Site.reportShow.path(y))">Rapport \(y)</a></td><td>\(f.map { "Publié (figé le \(FrenchDate.long($0.frozenAt)))" } ?? "Suit les données")</td>
            <td><a href="\(Site.reportPreview.path(y))">Aperçu</a>\(f == nil ? HTML.empty : HTML(" · <a href=\"\(Site.publishedReportHtml.path(y))\">Version publiée</a>"))</td></tr>
            """
        }
        let body: HTML = """
        <h1>Rapport annuel</h1>
        <p class="lead">Le rapport est calculé à partir des données à chaque affichage. Une fois figé, sa version HTML et PDF est publiée telle quelle sur <a href="\(Site.publishedReportIndex.path())">/rapports</a>.</p>
        \(rows.isEmpty ? UI.emptyState("Aucune année avec des adhésions.") : "<table class=\"list\"><thead><tr><th>Année</th><th>État</th><th></th></tr></thead><tbody>\(rows)</tbody></table>")
        """
        return try await Layout.page(req, title: "Rapport annuel", body: body)
    }

    static func show(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        let year = try year(req)
        let organisation = try await req.organisation()
        let orgID = try organisation.requireID()
        let document = try await ReportService.document(req.db, organisation: organisation, year: year, now: req.now)
        let frozen = try await ReportService.frozen(req.db, organisationID: orgID, year: year)
        let staff = req.viewer.isStaff
        var texts: [(ReportText.Kind, ReportText?)] = []
        for kind in ReportText.Kind.allCases { texts.append((kind, try await ReportQueries.text(req.db, organisationID: orgID, year: year, kind: kind))) }
        let textRows = texts.map { kind, text -> HTML in
            let state: String = text.map { $0.year == year ? "version \($0.version) du \(FrenchDate.short($0.createdAt ?? Date()))" : "repris de \($0.year)" } ?? "à rédiger"
            return "<tr><td>\(kind.label)</td><td>\(state)</td><td>\(staff ? HTML("<a href=\"\(Site.reportTextEdit.path(year, kind.rawValue))\">\(text == nil ? "Rédiger" : "Modifier")</a>") : .empty)</td></tr>"
        }
        let engine = PDFEngine.find()
        let actions: HTML = staff ? """
            <div class="actions">
            <form method="post" action="\(Site.reportStartPDF.path(year))" class="inline">\(CSRF.hiddenField(req))<button class="primary"\(HTML.flag(.disabled, engine == nil))>Générer le PDF</button></form>
            <form method="post" action="\(Site.reportStartFreeze.path(year))" class="inline" data-confirm="Figer le rapport \(year) ? La version actuelle sera publiée telle quelle.">\(CSRF.hiddenField(req))<button>\(frozen == nil ? "Figer et publier" : "Figer à nouveau")</button></form>
            \(frozen == nil ? HTML.empty : UI.postButton(req, action: Site.reportUnfreeze.path(year), label: "Retirer la version publiée", style: "danger", confirm: "Retirer la version publiée de \(year) ?"))
            </div>
            """ : .empty
        let body: HTML = """
        \(UI.breadcrumbs([("Rapport annuel", Site.reportIndex.path()), ("\(year)", nil)]))
        <div class="page-head"><h1>Rapport annuel \(year)</h1><a class="button" href="\(Site.reportPreview.path(year))">Voir le rapport</a></div>
        <p>\(frozen.map { "Publié : figé le \(FrenchDate.long($0.frozenAt))\($0.pdf == nil ? " (HTML seulement)" : ", HTML et PDF"). " } ?? "Pas encore figé : ")le rapport ci-dessous suit les données.
        \(frozen == nil ? HTML.empty : HTML("<a href=\"\(Site.publishedReportHtml.path(year))\">Version publiée</a>"))</p>
        \(engine == nil ? HTML("<p class=\"flash flash-error\">\(PDFEngine.missingMessage)</p>") : HTML("<p><small>Moteur PDF : \(engine!.kind.rawValue).</small></p>"))
        \(actions)
        <h2>Textes</h2>
        <table class="list"><tbody>\(textRows)</tbody></table>
        \(try await CommunicationController.panel(req, year: year, organisationID: orgID))
        <h2>Sommaire (\(document.parts.count) parties)</h2>
        <ol>\(document.parts.map { "<li><a href=\"\(Site.reportPreview.path(year))#\($0.id)\">\($0.title)</a></li>" as HTML })</ol>
        """
        return try await Layout.page(req, title: "Rapport annuel \(year)", body: body)
    }

    /// The live report as a document of its own (print it from the browser, or save it).
    static func preview(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        let document = try await ReportService.document(req.db, organisation: try await req.organisation(), year: try year(req), now: req.now)
        return documentResponse(document.html, download: req.query[String.self, at: "telecharger"] != nil ? "rapport-\(document.year).html" : nil)
    }

    static func documentResponse(_ html: String, download: String?) -> Response {
        let response = Response(status: .ok, body: .init(string: html))
        response.headers.contentType = .html
        if let download { response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(download)\"") }
        response.headers.replaceOrAdd(name: SecurityHeadersMiddleware.documentPolicy, value: ReportStyle.contentSecurityPolicy(for: html))
        return response
    }

    static func startPDF(_ req: Request) async throws -> Response { try await start(req, freeze: false) }
    static func startFreeze(_ req: Request) async throws -> Response { try await start(req, freeze: true) }

    static func start(_ req: Request, freeze: Bool) async throws -> Response {
        let user = try req.require(.staff)
        let year = try year(req)
        let organisation = try await req.organisation()
        let (job, isNew) = req.application.reportJobs.start(year: year, freeze: freeze, userID: try user.requireID())
        let app = req.application
        if isNew { app.reportJobs.run(job) { await ReportService.run(job, app: app, organisation: organisation, user: user) } }
        return req.redirect(to: Site.reportJobShow.path(job.id))
    }

    static func unfreeze(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let year = try year(req)
        let orgID = try await req.organisationID()
        guard let frozen = try await ReportService.frozen(req.db, organisationID: orgID, year: year) else { return req.redirect(to: Site.reportShow.path(year), flash: "Aucune version publiée.", .error) }
        try await req.db.transaction { db in
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "report", entityID: frozen.requireID(), action: "unfreeze", changes: ["année": (String(year), "")])
            try await frozen.delete(on: db)
        }
        return req.redirect(to: Site.reportShow.path(year), flash: "La version publiée de \(year) est retirée ; le rapport suit à nouveau les données.")
    }
}
