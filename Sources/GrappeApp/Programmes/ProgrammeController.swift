import Fluent
import GrappeDomain
import Vapor

/// Programmes: the list, a programme's page (`ProgrammePage` read, `ProgrammeView` drawn) and
/// each consortium company's own summary.
enum ProgrammeController {
    static func index(_ req: Request) async throws -> Response {
        let orgID = try await req.organisationID()
        let programmes = try await Programme.query(on: req.db).filter(\.$organisation.$id == orgID).with(\.$funders)
            .sort(\.$startsOn, .descending).all()
        let body = ProgrammeView.list(programmes, staff: req.viewer.isStaff)
        return try await Layout.page(req, title: "Programmes", body: body)
    }

    static func find(_ req: Request) async throws -> Programme {
        guard let slug = req.parameters.get("slug"),
              let p = try await ProgrammeQueries.bySlug(req.db, organisationID: try await req.organisationID(), slug: slug) else { throw Abort(.notFound) }
        return p
    }

    static func show(_ req: Request) async throws -> Response {
        try await page(req, try await find(req))
    }

    /// The programme's page; `indicatorForm` carries a refused indicator back with its errors.
    static func page(_ req: Request, _ p: Programme, indicatorForm: FormState? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let model = try await ProgrammePage.load(req.db, programme: p, now: req.now, staff: req.viewer.isStaff, insider: req.viewer.readsEverything)
        let csrf = CSRF.hiddenField(req)
        let form = model.staff ? ProgrammeView.indicatorForm(p, state: indicatorForm ?? IndicatorController.blank, csrf: csrf) : nil
        return try await Layout.page(req, title: p.name, status: status, body: ProgrammeView.render(model, csrf: csrf, indicatorForm: form))
    }

    /// A consortium company's own summary: visible to staff, board and that company's contacts.
    static func animator(_ req: Request) async throws -> Response {
        let p = try await find(req)
        let companyID = try req.uuidParameter("companyID")
        _ = try req.requireUser()
        guard req.viewer.readsEverything || req.viewer.companyIDs.contains(companyID) else { throw Abort(.forbidden) }
        guard let found = try await ProgrammeQueries.animated(req.db, programme: p, companyID: companyID) else { throw Abort(.notFound) }
        let (company, actions) = found
        let body = ProgrammeView.animator(p, company: company, actions: actions)
        return try await Layout.page(req, title: "\(company.name) · \(p.name)", body: body)
    }
}
