import Fluent
import GrappeDomain
import Vapor

/// The staff's questionnaire versions: the list, a version, a draft made from one, a draft's
/// questions changed, added or taken out, its publication (`DiagnosticQuestionnaireView` draws,
/// `DiagnosticQuestionnaireService` writes, the domain checks).
enum DiagnosticQuestionnaireController {
    static func index(_ req: Request) async throws -> Response {
        let orgID = try await req.organisationID()
        let lines = try await DiagnosticQuestionnaireQueries.lines(req.db, organisationID: orgID)
        let current = lines.first { $0.version.status == .published }?.version.id
        return try await Layout.page(req, title: "Questionnaires du diagnostic", body: DiagnosticQuestionnaireView.list(lines, currentID: current))
    }

    static func find(_ req: Request) async throws -> QuestionnaireVersion {
        guard let number = req.parameters.get("version", as: Int.self),
              let v = try await DiagnosticQuestionnaireQueries.version(req.db, organisationID: try await req.organisationID(), number: number)
        else { throw Abort(.notFound) }
        return v
    }

    static func page(_ req: Request, _ v: QuestionnaireVersion, questionnaire: DiagnosticQuestionnaire? = nil,
                     attempt: DiagnosticQuestionnaireView.Attempt? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let orgID = try await req.organisationID()
        let current = try await DiagnosticQuestionnaireQueries.current(req.db, organisationID: orgID)
        let used = try await DiagnosticQuestionnaireQueries.usage(req.db, organisationID: orgID)[try v.requireID()] ?? 0
        let body = DiagnosticQuestionnaireView.show(v, try questionnaire ?? v.questionnaire(), isCurrent: current?.id == v.id, diagnostics: used,
                                                    attempt: attempt, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Questionnaire — version \(v.version)", status: status, body: body)
    }

    static func show(_ req: Request) async throws -> Response {
        try await page(req, try await find(req))
    }

    static func copy(_ req: Request) async throws -> Response {
        let source = try await find(req)
        switch try await DiagnosticQuestionnaireService.copy(source, user: try req.requireUser(), on: req.db) {
        case .failure(.message(let message)):
            return req.redirect(to: Site.diagnosticQuestionnaires.path(), flash: message, .error)
        case .success(let draft):
            return req.redirect(to: Site.diagnosticQuestionnaireShow.path(draft.version),
                                flash: "Version \(draft.version) créée en brouillon à partir de la version \(source.version).")
        }
    }

    /// The answer to a change sent to a published version: it does not change.
    static func published(_ req: Request, _ v: QuestionnaireVersion) -> Response {
        req.redirect(to: Site.diagnosticQuestionnaireShow.path(v.version),
                     flash: "La version \(v.version) est publiée : elle ne change plus. Créez une nouvelle version à partir de celle-ci.", .error)
    }

    static func typed(_ req: Request) throws -> [String: String] {
        (try? req.content.decode([String: String].self)) ?? [:]
    }

    static func update(_ req: Request) async throws -> Response {
        let v = try await find(req)
        guard v.status == .draft else { return published(req, v) }
        let q = try v.questionnaire()
        guard let key = req.parameters.get("questionKey"), let question = q.question(key) else { throw Abort(.notFound) }
        let read = DiagnosticQuestionForm.read(try typed(req), into: question)
        let edited = q.replacing(read.question)
        let problems = read.errors.isEmpty ? edited.problems().filter { !q.problems().contains($0) } : []
        guard read.errors.isEmpty, problems.isEmpty else {
            let attempt = DiagnosticQuestionnaireView.Attempt(form: FormState(values: read.values, errors: read.errors), questionKey: key, problems: problems)
            return try await page(req, v, attempt: attempt, status: .badRequest)
        }
        try await DiagnosticQuestionnaireService.save(v, edited, user: try req.requireUser(), change: "question « \(key) » modifiée", on: req.db)
        return req.redirect(to: Site.diagnosticQuestionnaireShow.path(v.version) + "#q-\(key)", flash: "Question « \(read.question.title) » enregistrée.")
    }

    static func add(_ req: Request) async throws -> Response {
        let v = try await find(req)
        guard v.status == .draft else { return published(req, v) }
        let q = try v.questionnaire()
        let typed = try typed(req).filter { DiagnosticQuestionForm.addFields.contains($0.key) }
        let read = DiagnosticQuestionForm.readLocal(typed, taken: Set(q.questions.map(\.key)))
        let problems = read.question?.problems() ?? []
        guard let question = read.question, problems.isEmpty else {
            let attempt = DiagnosticQuestionnaireView.Attempt(form: FormState(values: typed, errors: read.errors), questionKey: nil, problems: problems)
            return try await page(req, v, attempt: attempt, status: .badRequest)
        }
        try await DiagnosticQuestionnaireService.save(v, q.adding(question), user: try req.requireUser(), change: "question locale « \(question.key) » ajoutée", on: req.db)
        return req.redirect(to: Site.diagnosticQuestionnaireShow.path(v.version) + "#q-\(question.key)", flash: "Question locale « \(question.title) » ajoutée.")
    }

    static func remove(_ req: Request) async throws -> Response {
        let v = try await find(req)
        guard v.status == .draft else { return published(req, v) }
        let q = try v.questionnaire()
        let key = req.parameters.get("questionKey") ?? ""
        if let problem = q.removalProblem(key) {
            return req.redirect(to: Site.diagnosticQuestionnaireShow.path(v.version), flash: problem, .error)
        }
        try await DiagnosticQuestionnaireService.save(v, q.removing(key), user: try req.requireUser(), change: "question locale « \(key) » retirée", on: req.db)
        return req.redirect(to: Site.diagnosticQuestionnaireShow.path(v.version), flash: "Question retirée de la version \(v.version).")
    }

    static func publish(_ req: Request) async throws -> Response {
        let v = try await find(req)
        guard v.status == .draft else { return published(req, v) }
        guard try v.questionnaire().problems().isEmpty else {
            return try await page(req, v, status: .badRequest)  // the page lists what to correct first
        }
        try await DiagnosticQuestionnaireService.publish(v, user: try req.requireUser(), on: req.db)
        return req.redirect(to: Site.diagnosticQuestionnaireShow.path(v.version),
                            flash: "Version \(v.version) publiée : les prochains diagnostics planifiés l'utiliseront.")
    }
}
