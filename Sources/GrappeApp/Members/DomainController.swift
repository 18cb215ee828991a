import Fluent
import GrappeDomain
import SQLKit
import Vapor

/// The list of domains of competence, edited by staff (drawn by `DomainView`).
enum DomainController {
    static func index(_ req: Request) async throws -> Response {
        try req.require(.staff)
        return try await page(req, form: FormState())
    }

    static func page(_ req: Request, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let orgID = try await req.organisationID()
        let domains = try await CompetenceDomain.query(on: req.db).filter(\.$organisation.$id == orgID).all().sortedInFrench(by: \.name)
        let counts = try await countByDomain(req.db, organisationID: orgID)
        let body = DomainView.list(domains, counts: counts, form: form, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Domaines", status: status, body: body)
    }

    static func countByDomain(_ db: any Database, organisationID: UUID) async throws -> [UUID: Int] {
        let rows = try await db.sql.raw("""
        SELECT cd.domain_id, COUNT(*) AS n FROM company_domains cd JOIN domains d ON d.id = cd.domain_id
        WHERE d.organisation_id = \(bind: organisationID) GROUP BY cd.domain_id
        """).all()
        var out: [UUID: Int] = [:]
        for row in rows { out[try row.decode(column: "domain_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self) }
        return out
    }

    static func validName(_ req: Request, excluding: UUID?) async throws -> (String, String?) {
        let name = (req.content[String.self, at: "name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { return (name, "Le nom est obligatoire.") }
        if name.count > 80 { return (name, "80 caractères au maximum.") }
        let orgID = try await req.organisationID()
        let clash = try await CompetenceDomain.query(on: req.db).filter(\.$organisation.$id == orgID).all()
            .contains { $0.id != excluding && TextFolding.fold($0.name) == TextFolding.fold(name) }
        return (name, clash ? "Ce domaine existe déjà." : nil)
    }

    static func create(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let (name, error) = try await validName(req, excluding: nil)
        if let error { return try await page(req, form: FormState(values: ["name": name], errors: ["name": error]), status: .badRequest) }
        try await CompetenceDomain(organisationID: try await req.organisationID(), name: name).create(on: req.db)
        return req.redirect(to: Site.domainIndex.path(), flash: "Domaine « \(name) » ajouté.")
    }

    static func rename(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let domain = try await find(req)
        let (name, error) = try await validName(req, excluding: domain.id)
        if let error { return req.redirect(to: Site.domainIndex.path(), flash: error, .error) }
        domain.name = name
        try await domain.save(on: req.db)
        return req.redirect(to: Site.domainIndex.path(), flash: "Domaine renommé.")
    }

    static func delete(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let domain = try await find(req)
        guard try await CompanyDomain.query(on: req.db).filter(\.$domain.$id == domain.requireID()).count() == 0 else {
            return req.redirect(to: Site.domainIndex.path(), flash: "Ce domaine est utilisé par des entreprises : retirez-le d'abord de leurs fiches.", .error)
        }
        try await domain.delete(on: req.db)
        return req.redirect(to: Site.domainIndex.path(), flash: "Domaine supprimé.")
    }

    static func find(_ req: Request) async throws -> CompetenceDomain {
        let id = try req.uuidParameter("domainID")
        guard let domain = try await CompetenceDomain.find(id, on: req.db), domain.$organisation.id == (try await req.organisationID()) else { throw Abort(.notFound) }
        return domain
    }
}
