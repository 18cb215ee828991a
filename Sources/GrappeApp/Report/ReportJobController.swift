import Fluent
import GrappeDomain
import Vapor

/// Where a PDF generation or a freeze stands: the page refreshes itself while it runs, then
/// offers the PDF.
enum ReportJobController {
    static func job(_ req: Request) throws -> ReportJobs.Job {
        let user = try req.require(.staff)
        guard let id = req.parameters.get("jobID"), let job = req.application.reportJobs.job(id), job.userID == user.id else { throw Abort(.notFound) }
        return job
    }

    static func show(_ req: Request) async throws -> Response {
        let job = try job(req)
        let what = job.freeze ? "Figer le rapport \(job.year)" : "PDF du rapport \(job.year)"
        var head: HTML = .empty
        let status: HTML
        switch job.state {
        case .running(let step):
            head = "<meta http-equiv=\"refresh\" content=\"2\">"
            let seconds = Int(Date().timeIntervalSince(job.started))
            status = "<p role=\"status\"><progress aria-label=\"Génération en cours\"></progress> \(step) <small>(\(seconds) s)</small></p><p><small>La page se met à jour toute seule.</small></p>"
        case .done(let pdf, let note):
            let download: HTML = pdf == nil ? .empty : "<p><a class=\"button primary\" href=\"\(Site.reportJobPdf.path(job.id))\">Télécharger le PDF (\(pdf!.count / 1024) Ko)</a></p>"
            let frozen: HTML = job.freeze ? "<p class=\"flash flash-success\">Le rapport \(job.year) est figé et publié : <a href=\"\(Site.publishedReportHtml.path(job.year))\">version publiée</a>.</p>" : .empty
            status = "\(frozen)\(download)\(note.isEmpty ? HTML.empty : HTML("<p class=\"flash flash-info\">\(note)</p>"))"
        case .failed(let message):
            status = "<p class=\"flash flash-error\">\(message)</p>"
        }
        let body: HTML = """
        \(UI.breadcrumbs([("Rapport annuel", Site.reportIndex.path()), ("\(job.year)", Site.reportShow.path(job.year)), (what, nil)]))
        <h1>\(what)</h1>
        \(status)
        """
        return try await Layout.page(req, title: what, head: head, body: body)
    }

    static func pdf(_ req: Request) async throws -> Response {
        let job = try job(req)
        guard case .done(let pdf?, _) = job.state else { throw Abort(.notFound) }
        return pdfResponse(pdf, name: "rapport-\(job.year).pdf")
    }

    static func pdfResponse(_ pdf: Data, name: String) -> Response {
        let response = Response(status: .ok, body: .init(data: pdf))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"\(name)\"")
        return response
    }
}
