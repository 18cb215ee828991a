import Fluent
import Foundation
import Vapor

/// Hackagou's figures for staff (`CTFFiguresView`): the published editions year over year, one
/// of them in detail (`?annee=`, the latest by default), and the table as CSV.
enum CTFFiguresController {
    static func page(_ req: Request) async throws -> Response {
        let editions = try await CTFFigureQueries.editions(req.db, organisationID: try await req.organisationID())
        let year = req.query[Int.self, at: "annee"]
        let selected = editions.last { $0.edition.year == year } ?? editions.last
        return try await Layout.page(req, title: "Hackagou en chiffres", body: CTFFiguresView.page(editions, selected: selected))
    }

    static func csv(_ req: Request) async throws -> Response {
        let editions = try await CTFFigureQueries.editions(req.db, organisationID: try await req.organisationID())
        return CSVDownload.response(CTFFiguresView.csv(editions), filename: "hackagou-chiffres.csv")
    }
}
