import Fluent
import GrappeDomain
import Vapor

/// The diagnostic's settings (Réglages): the grant's rules and the retention of contact details.
enum DiagnosticSettingsController {
    static func edit(_ req: Request) async throws -> Response {
        let settings = try await DiagnosticSettings.of(try await req.organisationID(), on: req.db)
        let typed = DiagnosticSettingsForm(rules: settings.grantRules, retentionMonths: settings.retentionMonths)
        return try await Layout.page(req, title: "Réglages du diagnostic", body: DiagnosticSettingsView.page(typed, csrf: CSRF.hiddenField(req)))
    }

    static func save(_ req: Request) async throws -> Response {
        let typed = DiagnosticSettingsForm(req)
        switch typed.read() {
        case .failure(let failure):
            let body = DiagnosticSettingsView.page(typed, errors: failure.errors, problems: failure.problems, csrf: CSRF.hiddenField(req))
            return try await Layout.page(req, title: "Réglages du diagnostic", status: .badRequest, body: body)
        case .success(let (rules, months)):
            try await DiagnosticSettingsService.save(rules: rules, retentionMonths: months, organisationID: try await req.organisationID(),
                                                     user: try req.requireUser(), on: req.db)
            return req.redirect(to: Site.diagnosticSettings.path(), flash: "Réglages du diagnostic enregistrés.")
        }
    }
}
