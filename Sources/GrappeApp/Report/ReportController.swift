import Fluent
import GrappeDomain
import Vapor

/// The staff's report pages: the years, one year's preparation (texts, communication figures,
/// contents, status: `ReportPage` read, `ReportView` drawn), the live preview, and the start
/// of a PDF or a freeze.
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
        let body = ReportView.index(years: years, frozenAt: Dictionary(frozen.map { ($0.year, $0.frozenAt) }, uniquingKeysWith: { a, _ in a }))
        return try await Layout.page(req, title: "Rapport annuel", body: body)
    }

    static func show(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        let year = try year(req)
        let page = try await ReportPage.load(req.db, organisation: try await req.organisation(), year: year, now: req.now,
                                             staff: req.viewer.isStaff, engine: PDFEngine.find())
        let body = ReportView.show(page, csrf: CSRF.hiddenField(req))
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
