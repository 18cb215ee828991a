import Fluent
import GrappeDomain
import Vapor

/// Staff and board decide join applications (`ApplicationPage` read, `ApplicationView` drawn).
enum ApplicationsController {
    static func index(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        let all = try await MembershipApplication.query(on: req.db).filter(\.$organisation.$id == req.organisationID())
            .sort(\.$createdAt, .descending).limit(200).all()
        return try await Layout.page(req, title: "Demandes d'adhésion", body: ApplicationView.list(all))
    }

    static func find(_ req: Request) async throws -> MembershipApplication {
        try req.require(.staff, .board)
        let orgID = try await req.organisationID()
        guard let a = try await MembershipApplication.find(try req.uuidParameter("applicationID"), on: req.db), a.$organisation.id == orgID else { throw Abort(.notFound) }
        return a
    }

    static func show(_ req: Request) async throws -> Response {
        try await page(req, try await find(req), form: FormState())
    }

    static func page(_ req: Request, _ a: MembershipApplication, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let model = try await ApplicationPage.load(req.db, a)
        return try await Layout.page(req, title: a.companyName, status: status, body: ApplicationView.page(model, form: form, csrf: CSRF.hiddenField(req)))
    }

    static func approve(_ req: Request) async throws -> Response {
        let user = try req.require(.staff, .board)
        let a = try await find(req)
        do {
            let companyID = try await ApplicationService.approve(a, by: user, linkExisting: req.content[String.self, at: "linkExisting"] == "1",
                                                                 app: req.application, on: req.db)
            return req.redirect(to: Site.memberShow.path(companyID), flash: "Adhésion acceptée : accès, appel de cotisation et message de bienvenue envoyés.")
        } catch let failure as ApplicationService.Failure {
            return try await page(req, a, form: FormState(errors: ["approve": failure.description]), status: .conflict)
        }
    }

    static func decline(_ req: Request) async throws -> Response {
        let user = try req.require(.staff, .board)
        let a = try await find(req)
        let reason = FieldCheck.trimmed(req.content[String.self, at: "reason"])
        guard reason.count >= 5, reason.count <= 2000 else {
            return try await page(req, a, form: FormState(values: ["reason": reason], errors: ["reason": "Indiquez le motif du refus (5 à 2 000 caractères) : il est envoyé au demandeur."]), status: .badRequest)
        }
        do {
            try await ApplicationService.decline(a, reason: reason, by: user, app: req.application, on: req.db)
        } catch let failure as ApplicationService.Failure {
            return try await page(req, a, form: FormState(errors: ["reason": failure.description]), status: .conflict)
        }
        return req.redirect(to: Site.applicationsIndex.path(), flash: "Demande refusée : le demandeur a été prévenu.")
    }
}
