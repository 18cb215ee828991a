import Fluent
import SQLKit
import GrappeDomain
import Vapor

/// The dues of a year: expected, received, outstanding by category, the chart, the list and the
/// yearly call.
enum DuesDashboardController {
    static func index(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        let orgID = try await req.organisationID()
        let year = try await req.year()
        let state = DueQueries.State(rawValue: req.query[String.self, at: "etat"] ?? "")
        let totals = try await DueQueries.totals(req.db, organisationID: orgID, year: year)
        let total = try await DueQueries.count(req.db, organisationID: orgID, year: year, state: state)
        let pages = Pagination(page: Pagination.requestedPage(req), total: total)
        let dues = try await DueQueries.list(req.db, organisationID: orgID, year: year, state: state, limit: pages.perPage, offset: pages.offset)
        let years = Array(Set(try await DueQueries.years(req.db, organisationID: orgID) + [year])).sorted(by: >)
        let schedule = try await FeeSchedule.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$year == year).first()
        let pendingCall = try await DueQueries.pendingMemberships(req.db, organisationID: orgID, year: year)
        return try await Layout.page(req, title: "Cotisations \(year)", body: DuesDashboardView.render(
            year: year, years: years, state: state, totals: totals, dues: dues, pages: pages,
            hasSchedule: schedule != nil, pendingCall: pendingCall, staff: req.viewer.isStaff, now: req.now, csrf: CSRF.hiddenField(req)))
    }

    static func call(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let orgID = try await req.organisationID()
        guard let year = req.content[Int.self, at: "year"], (2000...2100).contains(year) else {
            return req.redirect(to: Site.duesDashboardIndex.path(), flash: "Année invalide.", .error)
        }
        let issuedOn = (req.content[String.self, at: "issuedOn"]).flatMap(FrenchDate.parse) ?? req.now
        do {
            let numbers = try await DuesService.issueCall(year: year, issuedOn: issuedOn, organisationID: orgID, user: user, on: req.db)
            let message = numbers.isEmpty ? "Aucune nouvelle cotisation : chaque adhésion active a déjà la sienne."
                : "\(French.count(numbers.count, "cotisation émise", "cotisations émises")), de \(numbers.first!) à \(numbers.last!)."
            return req.redirect(to: "\(Site.duesDashboardIndex.path())?annee=\(year)", flash: message, numbers.isEmpty ? .info : .success)
        } catch let failure as DuesService.Failure {
            return req.redirect(to: "\(Site.duesDashboardIndex.path())?annee=\(year)", flash: failure.description, .error)
        }
    }

    static func exportCSV(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        let year = try await req.year()
        let text = try await DuesExport.csv(req.db, organisationID: try await req.organisationID(), year: year)
        return CSVDownload.response(text, filename: "cotisations-\(year).csv")
    }
}
