import Fluent
import GrappeDomain
import Vapor

/// The interview over HTTP: the overview, a step, saving a step, starting and closing. Reached by
/// any signed-in account (`routes.swift`); `DiagnosticInterviewContext.load` lets in the staff and
/// the diagnostic's advisor, and answers 404 to anyone else.
enum DiagnosticInterviewController {
    static func context(_ req: Request) async throws -> DiagnosticInterviewContext {
        guard let c = try await DiagnosticInterviewContext.load(req.db, organisationID: try await req.organisationID(),
                                                                id: try req.uuidParameter("diagnosticID"), user: try req.requireUser())
        else { throw Abort(.notFound) }
        return c
    }

    static func dimension(_ req: Request) throws -> DiagnosticDimension {
        guard let dimension = req.parameters.get("dimension").flatMap(DiagnosticDimension.init(rawValue:)) else { throw Abort(.notFound) }
        return dimension
    }

    static func overviewPage(_ req: Request, _ c: DiagnosticInterviewContext, notice: DiagnosticInterviewView.Notice? = nil,
                             status: HTTPStatus = .ok) async throws -> Response {
        let body = DiagnosticInterviewView.overview(c, notice: notice, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Entretien — \(c.request.companyName)", status: status, body: body)
    }

    static func overview(_ req: Request) async throws -> Response {
        try await overviewPage(req, try await context(req))
    }

    static func step(_ req: Request) async throws -> Response {
        let c = try await context(req)
        let dimension = try dimension(req)
        guard c.diagnostic.status != .planned else { return req.redirect(to: Site.diagnosticInterview.path(c.id)) }
        let body = DiagnosticInterviewView.step(c, dimension: dimension, answers: c.diagnostic.storedAnswers,
                                                note: c.diagnostic.storedNotes[dimension] ?? "", csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "\(dimension.title) — \(c.request.companyName)", body: body)
    }

    static func start(_ req: Request) async throws -> Response {
        let c = try await context(req)
        do {
            try await DiagnosticInterview.start(c.id, on: req.db)
        } catch let refusal as DiagnosticInterview.Refusal {
            return try await overviewPage(req, c, notice: (refusal.message, .error), status: .conflict)
        }
        return req.redirect(to: Site.diagnosticInterviewStep.path(c.id, DiagnosticDimension.strategy.rawValue),
                            flash: "Entretien commencé : chaque étape est enregistrée dès que vous l'envoyez.")
    }

    static func save(_ req: Request) async throws -> Response {
        let c = try await context(req)
        let dimension = try dimension(req)
        if let refusal = DiagnosticInterview.writeRefusal(c.diagnostic.status) {
            return try await overviewPage(req, c, notice: (refusal, .error), status: .conflict)
        }
        let form = DiagnosticInterviewForm.read(req, questions: c.questions(in: dimension))
        guard form.errors.isEmpty else {
            let body = DiagnosticInterviewView.step(c, dimension: dimension, answers: form.answers, note: form.note, errors: form.errors, csrf: CSRF.hiddenField(req))
            return try await Layout.page(req, title: "\(dimension.title) — \(c.request.companyName)", status: .badRequest, body: body)
        }
        do {
            try await DiagnosticInterview.save(form, dimension: dimension, context: c, on: req.db)
        } catch let refusal as DiagnosticInterview.Refusal {
            return try await overviewPage(req, c, notice: (refusal.message, .error), status: .conflict)
        }
        let next = req.content[String.self, at: "suite"] == "1" ? InterviewProgress.step(after: dimension) : dimension
        let target = next.map { Site.diagnosticInterviewStep.path(c.id, $0.rawValue) } ?? Site.diagnosticInterview.path(c.id)
        return req.redirect(to: target, flash: "Étape « \(dimension.title) » enregistrée.")
    }

    static func close(_ req: Request) async throws -> Response {
        let c = try await context(req)
        do {
            _ = try await DiagnosticInterview.close(c, app: req.application, now: req.now, on: req.db)
        } catch let refusal as DiagnosticInterview.Refusal {
            let status: HTTPStatus = DiagnosticInterview.writeRefusal(c.diagnostic.status) == nil ? .badRequest : .conflict
            return try await overviewPage(req, try await context(req), notice: (refusal.message, .error), status: status)
        }
        let back = c.byStaff ? Site.diagnosticAdminShow.path(c.request.id!) : Site.diagnosticInterview.path(c.id)
        return req.redirect(to: back, flash: "Entretien clos : \(c.request.companyName) reçoit le lien vers ses résultats.")
    }
}
