import Fluent
import GrappeDomain
import Vapor

/// Where a PDF generation or a freeze stands: the page refreshes itself while it runs, then
/// offers the PDF (`ReportJobView`).
enum ReportJobController {
    static func job(_ req: Request) throws -> ReportJobs.Job {
        let user = try req.require(.staff)
        guard let id = req.parameters.get("jobID"), let job = req.application.reportJobs.job(id), job.userID == user.id else { throw Abort(.notFound) }
        return job
    }

    static func show(_ req: Request) async throws -> Response {
        let job = try job(req)
        // The jobs keep the machine's time (`ReportJobs`), so the seconds spent are counted on it.
        let body = ReportJobView.page(job, now: Date())
        return try await Layout.page(req, title: ReportJobView.title(job), body: body)
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
