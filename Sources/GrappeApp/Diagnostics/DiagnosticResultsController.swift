import Fluent
import GrappeDomain
import Vapor

/// The business's results behind its private link (no account): the page and its PDF. An
/// unknown token, a diagnostic not closed or a request whose contact was erased all answer 404
/// without saying which. The answers are private: never stored by a cache, never indexed, and
/// these routes are not in the page cache.
enum DiagnosticResultsController {
    static func load(_ req: Request) async throws -> DiagnosticResultsPage {
        let token = req.parameters.get("token") ?? ""
        guard let d = try await DiagnosticResultsLink.find(token: token, on: req.db),
              let r = try await DiagnosticRequest.find(d.$request.id, on: req.db), r.erasedAt == nil,
              let org = try await Organisation.find(d.$organisation.id, on: req.db)
        else { throw Abort(.notFound) }
        return try await DiagnosticResultsPage.load(d, request: r, organisation: org.name, now: req.now, on: req.db)
    }

    static func privately(_ response: Response) -> Response {
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        response.headers.replaceOrAdd(name: "X-Robots-Tag", value: "noindex")
        return response
    }

    static func show(_ req: Request) async throws -> Response {
        let page = try await load(req)
        let body = DiagnosticResultsView.businessPage(page, pdfPath: Site.diagnosticResultsPDF.path(req.parameters.get("token") ?? ""))
        return privately(try await Layout.page(req, title: "Résultats du diagnostic — \(page.request.companyName)",
                                               head: "<meta name=\"robots\" content=\"noindex\">", body: body))
    }

    /// Printed by WeasyPrint or Chromium when one is installed; otherwise a page that says so.
    static func pdf(_ req: Request) async throws -> Response {
        let page = try await load(req)
        guard let engine = PDFEngine.find() else {
            let body: HTML = """
            <h1>PDF indisponible</h1><p class="flash flash-error">\(DiagnosticResultsDocument.missingEngine)</p>
            <p><a href="\(Site.diagnosticResults.path(req.parameters.get("token") ?? ""))">Revenir aux résultats</a></p>
            """
            return privately(try await Layout.page(req, title: "PDF indisponible", status: .serviceUnavailable, body: body))
        }
        let pdf = try await engine.render(html: DiagnosticResultsDocument.html(page), timeout: 60)
        let name = "diagnostic-numerique-\(TextFolding.slug(page.request.companyName)).pdf"
        return privately(ReportJobController.pdfResponse(pdf, name: name))
    }
}
