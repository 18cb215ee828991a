import Fluent
import GrappeDomain
import Vapor

/// The staff's action catalogue: the list, an entry created, changed, deleted or moved up
/// (`DiagnosticCatalogueView` draws, `DiagnosticCatalogueForm` reads, the domain checks,
/// `DiagnosticCatalogueService` writes).
enum DiagnosticCatalogueController {
    static func index(_ req: Request) async throws -> Response {
        let actions = try await DiagnosticCatalogueQueries.actions(req.db, organisationID: try await req.organisationID())
        return try await Layout.page(req, title: "Catalogue d'actions", body: DiagnosticCatalogueView.list(actions, csrf: CSRF.hiddenField(req)))
    }

    /// The directory's domains of competence, and those the entry already names (a domain renamed
    /// since stays offered, so that the entry can still be saved).
    static func domains(_ req: Request, keeping named: [String] = []) async throws -> [String] {
        let orgID = try await req.organisationID()
        let configured = try await CompetenceDomain.query(on: req.db).filter(\.$organisation.$id == orgID).all().map(\.name).sortedInFrench()
        let folded = Set(configured.map(TextFolding.fold))
        return configured + named.filter { !folded.contains(TextFolding.fold($0)) }
    }

    static func formPage(_ req: Request, key: String?, _ typed: DiagnosticCatalogueForm, errors: [String: String] = [:], others: [DiagnosticAction],
                         domains: [String], status: HTTPStatus = .ok) async throws -> Response {
        let body = DiagnosticCatalogueView.form(key: key, typed, errors: errors, others: others, domains: domains, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: key == nil ? "Nouvelle action" : "Modifier l'action", status: status, body: body)
    }

    static func new(_ req: Request) async throws -> Response {
        let others = try await DiagnosticCatalogueQueries.actions(req.db, organisationID: try await req.organisationID())
        return try await formPage(req, key: nil, .blank, others: others, domains: try await domains(req))
    }

    static func create(_ req: Request) async throws -> Response {
        let orgID = try await req.organisationID()
        let others = try await DiagnosticCatalogueQueries.actions(req.db, organisationID: orgID)
        let typed = DiagnosticCatalogueForm(req)
        let domains = try await domains(req)
        let key = CatalogueKey.make(from: typed.values["title"] ?? "", taken: Set(others.map(\.key)).union(DiagnosticCatalogueService.reservedKeys))
        switch typed.read(key: key, others: others, domains: domains) {
        case .failure(let failure):
            return try await formPage(req, key: nil, typed, errors: failure.errors, others: others, domains: domains, status: .badRequest)
        case .success(let action):
            _ = try await DiagnosticCatalogueService.create(action, organisationID: orgID, user: try req.requireUser(), on: req.db)
            return req.redirect(to: Site.diagnosticActions.path(), flash: "Action « \(action.title) » ajoutée au catalogue.")
        }
    }

    static func find(_ req: Request) async throws -> (record: DiagnosticActionRecord, records: [DiagnosticActionRecord]) {
        let records = try await DiagnosticCatalogueQueries.records(req.db, organisationID: try await req.organisationID())
        guard let key = req.parameters.get("actionKey"), let record = records.first(where: { $0.key == key }) else { throw Abort(.notFound) }
        return (record, records)
    }

    static func edit(_ req: Request) async throws -> Response {
        let (record, records) = try await find(req)
        let action = record.action
        return try await formPage(req, key: record.key, DiagnosticCatalogueForm(action), others: records.filter { $0.id != record.id }.map(\.action),
                                  domains: try await domains(req, keeping: action.competences))
    }

    static func update(_ req: Request) async throws -> Response {
        let (record, records) = try await find(req)
        let others = records.filter { $0.id != record.id }.map(\.action)
        let typed = DiagnosticCatalogueForm(req)
        let domains = try await domains(req, keeping: record.action.competences)
        switch typed.read(key: record.key, others: others, domains: domains) {
        case .failure(let failure):
            return try await formPage(req, key: record.key, typed, errors: failure.errors, others: others, domains: domains, status: .badRequest)
        case .success(let action):
            try await DiagnosticCatalogueService.update(record, with: action, user: try req.requireUser(), on: req.db)
            return req.redirect(to: Site.diagnosticActions.path(), flash: "Action « \(action.title) » enregistrée.")
        }
    }

    static func delete(_ req: Request) async throws -> Response {
        let (record, records) = try await find(req)
        if let problem = DiagnosticCatalogueService.deletionProblem(record, catalogue: records.map(\.action)) {
            return req.redirect(to: Site.diagnosticActions.path(), flash: problem, .error)
        }
        try await DiagnosticCatalogueService.delete(record, user: try req.requireUser(), on: req.db)
        return req.redirect(to: Site.diagnosticActions.path(), flash: "Action « \(record.title) » supprimée du catalogue.")
    }

    static func moveUp(_ req: Request) async throws -> Response {
        let (record, records) = try await find(req)
        let moved = try await DiagnosticCatalogueService.moveUp(record, among: records, on: req.db)
        return req.redirect(to: Site.diagnosticActions.path(), flash: moved ? "« \(record.title) » remonte d'un rang." : "« \(record.title) » est déjà en tête de sa dimension.",
                            moved ? .success : .info)
    }
}
