import Fluent
import GrappeDomain
import Vapor

/// The staff's side of the results: the section shown on a closed diagnostic's page, the plan
/// editor's changes (stored as `DiagnosticPlan.Overrides`, so the business's page and the PDF
/// follow them) and a new link sent to the business, which replaces the old one.
enum DiagnosticResultsAdminController {
    /// The results section of the request's page, empty until the diagnostic is closed.
    static func section(_ req: Request, request r: DiagnosticRequest, diagnostic d: Diagnostic?, form: FormState?) async throws -> HTML {
        guard let d, d.status == .closed else { return .empty }
        let org = try await req.organisation()
        let page = try await DiagnosticResultsPage.load(d, request: r, organisation: org.name, now: req.now, on: req.db)
        let catalogue = try await DiagnosticCatalogueQueries.actions(req.db, organisationID: d.$organisation.id)
        return DiagnosticResultsAdminView.section(page, catalogue: catalogue, form: form ?? FormState(), csrf: CSRF.hiddenField(req))
    }

    /// The request and its closed diagnostic, or nil when there is none to change.
    static func closed(_ req: Request) async throws -> (DiagnosticRequest, Diagnostic?) {
        let r = try await DiagnosticAdminController.find(req)
        let d = try await DiagnosticQueries.diagnostic(req.db, requestID: try r.requireID())
        return (r, d?.status == .closed ? d : nil)
    }

    static func notClosed(_ req: Request, _ r: DiagnosticRequest) throws -> Response {
        req.redirect(to: Site.diagnosticAdminShow.path(try r.requireID()), flash: "Le diagnostic n'est pas encore clos : son plan ne se modifie pas ici.", .error)
    }

    /// Applies `change` to the plan's overrides and saves them with an audit line, in one
    /// transaction; a refusal is shown on the page (400), nothing saved.
    static func edit(_ req: Request, flash: String, _ change: (DiagnosticEvaluation, inout DiagnosticPlan.Overrides, [DiagnosticAction]) -> String?) async throws -> Response {
        let (r, found) = try await closed(req)
        guard let d = found else { return try notClosed(req, r) }
        let user = try req.require(.staff)
        let key = req.content[String.self, at: "action"] ?? ""
        let evaluation = try await DiagnosticEvaluation.load(d, request: r, on: req.db)
        let catalogue = try await DiagnosticCatalogueQueries.actions(req.db, organisationID: d.$organisation.id)
        let before = d.planOverrides
        var overrides = d.storedOverrides
        if let refusal = change(evaluation, &overrides, catalogue) {
            return try await DiagnosticAdminController.page(req, request: r, resultsForm: FormState(values: ["action": key], errors: ["action": refusal]), status: .badRequest)
        }
        try d.store(overrides: overrides)
        let after = d.planOverrides
        let orgID = d.$organisation.id
        try await req.db.transaction { db in
            try await d.save(on: db)
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "diagnostic", entityID: try d.requireID(), action: "plan",
                                   changes: ["plan": (before, after)])
        }
        return req.redirect(to: Site.diagnosticAdminShow.path(try r.requireID()), flash: flash)
    }

    static func move(_ req: Request) async throws -> Response {
        let key = req.content[String.self, at: "action"] ?? ""
        let up = req.content[String.self, at: "direction"] != "down"
        return try await edit(req, flash: "Ordre du plan modifié.") { evaluation, overrides, _ in
            DiagnosticPlanEditing.move(key, up: up, in: evaluation.plan, &overrides)
        }
    }

    static func remove(_ req: Request) async throws -> Response {
        let key = req.content[String.self, at: "action"] ?? ""
        return try await edit(req, flash: "Action retirée du plan.") { evaluation, overrides, _ in
            DiagnosticPlanEditing.remove(key, from: evaluation.plan, &overrides)
        }
    }

    static func add(_ req: Request) async throws -> Response {
        let key = req.content[String.self, at: "action"] ?? ""
        return try await edit(req, flash: "Action ajoutée au plan.") { e, overrides, catalogue in
            DiagnosticPlanEditing.add(key, to: e.plan, catalogue: catalogue, result: e.result, gaps: e.gaps, &overrides)
        }
    }

    static func resend(_ req: Request) async throws -> Response {
        let (r, found) = try await closed(req)
        guard let d = found else { return try notClosed(req, r) }
        guard r.erasedAt == nil, !r.contactEmail.isEmpty else {
            return req.redirect(to: Site.diagnosticAdminShow.path(try r.requireID()), flash: "Les coordonnées du contact ont été effacées : aucun lien ne peut lui être envoyé.", .error)
        }
        let app = req.application
        try await req.db.transaction { db in
            _ = try await DiagnosticResultsLink.send(d, request: r, app: app, on: db)
        }
        return req.redirect(to: Site.diagnosticAdminShow.path(try r.requireID()),
                            flash: "Nouveau lien envoyé à \(r.contactEmail) ; l'ancien ne fonctionne plus.")
    }
}
