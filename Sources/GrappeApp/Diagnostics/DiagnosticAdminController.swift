import Fluent
import GrappeDomain
import Vapor

/// The staff's diagnostic pages: the requests, one request with its appointment, planning or
/// moving it, cancelling it (`DiagnosticAdminView` draws, `DiagnosticPlanning` writes).
enum DiagnosticAdminController {
    static func index(_ req: Request) async throws -> Response {
        let (requests, diagnostics, pages) = try await DiagnosticQueries.requests(req.db, organisationID: try await req.organisationID(),
                                                                                  page: Pagination.requestedPage(req))
        let body = DiagnosticAdminView.list(requests, diagnostics: diagnostics, pages: pages)
        return try await Layout.page(req, title: "Diagnostics", body: body)
    }

    static func find(_ req: Request) async throws -> DiagnosticRequest {
        guard let r = try await DiagnosticQueries.request(req.db, organisationID: try await req.organisationID(), id: try req.uuidParameter("requestID"))
        else { throw Abort(.notFound) }
        return r
    }

    static func page(_ req: Request, request r: DiagnosticRequest, form: FormState? = nil, outcome: FormState? = nil, resultsForm: FormState? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let diagnostic = try await DiagnosticQueries.diagnostic(req.db, requestID: try r.requireID())
        let advisors = try await DiagnosticQueries.advisors(req.db, organisationID: try await req.organisationID())
        let current = diagnostic.flatMap(DiagnosticPlanning.advisor(of:))
        let shown = form ?? FormState(values: [
            "advisor": current?.key ?? "",
            "date": diagnostic.map { FrenchDate.iso($0.startsAt) } ?? r.slotDates.first.map(FrenchDate.iso) ?? "",
            "time": (diagnostic?.startsAt ?? r.slotDates.first).map { String(DiagnosticRequestDraft.slotText($0).suffix(5)) } ?? "",
        ])
        let results = try await DiagnosticResultsAdminController.section(req, request: r, diagnostic: diagnostic, form: resultsForm)
        let tools = try await DiagnosticOutcomeController.section(req, request: r, diagnostic: diagnostic, form: outcome)
        let body = DiagnosticAdminView.show(r, diagnostic: diagnostic, advisor: current, advisors: advisors, form: shown, csrf: CSRF.hiddenField(req),
                                            results: results, tools: tools)
        return try await Layout.page(req, title: "Diagnostic — \(r.companyName)", status: status, body: body)
    }

    static func show(_ req: Request) async throws -> Response {
        try await page(req, request: try await find(req))
    }

    static func plan(_ req: Request) async throws -> Response {
        let r = try await find(req)
        guard r.status == .waiting || r.status == .planned || r.status == .cancelled else {
            return req.redirect(to: Site.diagnosticAdminShow.path(try r.requireID()), flash: "Ce diagnostic est déjà réalisé.", .error)
        }
        let values = ["advisor": req.content[String.self, at: "advisor"] ?? "", "date": req.content[String.self, at: "date"] ?? "",
                      "time": req.content[String.self, at: "time"] ?? ""]
        let advisors = try await DiagnosticQueries.advisors(req.db, organisationID: try await req.organisationID())
        switch DiagnosticPlanning.read(advisor: values["advisor"]!, date: values["date"]!, time: values["time"]!, advisors: advisors, now: req.now) {
        case .failure(let failure):
            return try await page(req, request: r, form: FormState(values: values, errors: failure.errors), status: .badRequest)
        case .success(let (advisor, start)):
            let existing = try await DiagnosticQueries.diagnostic(req.db, requestID: try r.requireID())
            if let existing, existing.status == .inProgress || existing.status == .closed {
                return req.redirect(to: Site.diagnosticAdminShow.path(try r.requireID()), flash: "L'entretien a commencé : le rendez-vous ne se déplace plus.", .error)
            }
            _ = try await DiagnosticPlanning.plan(r, existing: existing, advisor: advisor, start: start, app: req.application, on: req.db)
            let verb = existing?.status == .planned ? "déplacé" : "fixé"
            return req.redirect(to: Site.diagnosticAdminShow.path(try r.requireID()),
                                flash: "Rendez-vous \(verb) au \(FrenchDate.long(start)) à \(FrenchDate.clock(start)) ; invitations envoyées.")
        }
    }

    static func cancel(_ req: Request) async throws -> Response {
        let r = try await find(req)
        guard let d = try await DiagnosticQueries.diagnostic(req.db, requestID: try r.requireID()), d.status == .planned else {
            return req.redirect(to: Site.diagnosticAdminShow.path(try r.requireID()), flash: "Aucun rendez-vous planifié à annuler.", .error)
        }
        try await DiagnosticPlanning.cancel(d, request: r, app: req.application, on: req.db)
        return req.redirect(to: Site.diagnosticAdminShow.path(try r.requireID()), flash: "Rendez-vous annulé ; l'entreprise et le conseiller sont prévenus.")
    }
}
