import Fluent
import Foundation
import Vapor

/// The diagnostics' figures for staff (`DiagnosticFiguresView`): one year (`?annee=`) or since
/// the start, and the table as CSV.
enum DiagnosticFiguresController {
    static func page(_ req: Request) async throws -> Response {
        let figures = try await DiagnosticFigureQueries.figures(req.db, organisationID: try await req.organisationID())
        let year = req.query[Int.self, at: "annee"].flatMap { (1900...9999).contains($0) ? $0 : nil }
        return try await Layout.page(req, title: "Diagnostics en chiffres", body: DiagnosticFiguresView.page(figures, year: year))
    }

    static func csv(_ req: Request) async throws -> Response {
        let figures = try await DiagnosticFigureQueries.figures(req.db, organisationID: try await req.organisationID())
        return CSVDownload.response(DiagnosticFiguresView.csv(figures), filename: "diagnostics-chiffres.csv")
    }
}
