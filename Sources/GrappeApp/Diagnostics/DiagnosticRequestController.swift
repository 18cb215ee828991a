import Fluent
import GrappeDomain
import Vapor

/// The public diagnostic page: what it is, the grant, the request form and the thanks
/// (`DiagnosticRequestView` draws, `DiagnosticRequestService` records).
enum DiagnosticRequestController {
    static func page(_ req: Request, form: DiagnosticRequestForm, status: HTTPStatus = .ok) async throws -> Response {
        let body = DiagnosticRequestView.page(form: form, grant: .provinceSud, organisation: try await req.organisation().name, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Diagnostic de maturité numérique", status: status, body: body)
    }

    static func form(_ req: Request) async throws -> Response {
        try await page(req, form: DiagnosticRequestForm())
    }

    static func submit(_ req: Request) async throws -> Response {
        var form = DiagnosticRequestForm(from: req)
        switch PublicFormGuard.check(req, form: "diagnostic") {
        case .honeypot: return req.redirect(to: Site.diagnosticThanks.path(), flash: "Demande envoyée.")
        case .limited:
            form.errors["company"] = PublicFormGuard.limitedMessage
            return try await page(req, form: form, status: .tooManyRequests)
        case .proceed: break
        }
        form.errors = form.draft.validate(now: req.now)
        guard form.errors.isEmpty, let activity = form.draft.activityValue else { return try await page(req, form: form, status: .badRequest) }
        let request = try await DiagnosticRequestService.create(form, activity: activity, organisation: try await req.organisation(), now: req.now,
                                                                baseURL: req.application.baseURL, on: req.db)
        req.session.data["diagnostic"] = request.id?.uuidString
        return req.redirect(to: Site.diagnosticThanks.path(), flash: "Demande envoyée.")
    }

    static func thanks(_ req: Request) async throws -> Response {
        var request: DiagnosticRequest?
        if let raw = req.session.data["diagnostic"], let id = UUID(uuidString: raw) {
            request = try await DiagnosticRequest.find(id, on: req.db)
        }
        return try await Layout.page(req, title: "Demande envoyée", body: DiagnosticRequestView.thanks(request))
    }
}
