import Fluent
import GrappeDomain
import SQLKit
import Vapor

/// The published (frozen) reports, for everyone: served exactly as they were kept.
enum PublishedReportController {
    static func index(_ req: Request) async throws -> Response {
        let orgID = try await req.organisationID()
        let reports = try await FrozenReport.query(on: req.db).filter(\.$organisation.$id == orgID).sort(\.$year, .descending)
            .field(\.$id).field(\.$year).field(\.$frozenAt).all()
        let withPDF = Set(try await req.db.sql.raw("SELECT year FROM frozen_reports WHERE organisation_id = \(bind: orgID) AND pdf IS NOT NULL").all()
            .map { try $0.decode(column: "year", as: Int.self) })
        let items = reports.map { r -> HTML in
            "<li><a href=\"\(Site.publishedReportHtml.path(r.year))\">Rapport annuel \(r.year)</a>\(withPDF.contains(r.year) ? HTML(" · <a href=\"\(Site.publishedReportPdf.path(r.year))\">PDF</a>") : .empty) <small>publié le \(FrenchDate.long(r.frozenAt))</small></li>"
        }
        let body: HTML = """
        <h1>Rapports annuels</h1>
        \(items.isEmpty ? UI.emptyState("Aucun rapport publié pour l'instant.") : "<ul>\(items)</ul>")
        """
        return try await Layout.page(req, title: "Rapports annuels", body: body)
    }

    static func frozen(_ req: Request) async throws -> FrozenReport {
        guard let report = try await ReportService.frozen(req.db, organisationID: try await req.organisationID(), year: try ReportController.year(req)) else { throw Abort(.notFound) }
        return report
    }

    static func html(_ req: Request) async throws -> Response {
        ReportController.documentResponse(try await frozen(req).html, download: nil)
    }

    static func pdf(_ req: Request) async throws -> Response {
        let report = try await frozen(req)
        guard let pdf = report.pdf else { throw Abort(.notFound) }
        return ReportJobController.pdfResponse(pdf, name: "rapport-annuel-\(report.year).pdf")
    }
}
