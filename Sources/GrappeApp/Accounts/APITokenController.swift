import Fluent
import GrappeDomain
import Vapor

/// Personal API tokens: staff create them (shown once) and revoke them (`APITokenView`).
enum APITokenController {
    static func index(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        return try await page(req, user: user, created: nil, form: FormState())
    }

    static func page(_ req: Request, user: User, created: String?, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == user.requireID()).sort(\.$createdAt, .descending).all()
        let body = APITokenView.page(tokens, created: created, form: form, baseURL: req.application.baseURL, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Jetons d'API", status: status, body: body)
    }

    static func create(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let name = (req.content[String.self, at: "name"] ?? "").trimmingCharacters(in: .whitespaces)
        var form = FormState(values: ["name": name])
        if name.isEmpty { form.errors["name"] = "Donnez un nom au jeton." } else if name.count > 80 { form.errors["name"] = "80 caractères au maximum." }
        guard form.errors.isEmpty else { return try await page(req, user: user, created: nil, form: form, status: .badRequest) }
        let token = try await APITokenIssuer.issue(for: user, name: name, on: req.db)
        return try await page(req, user: user, created: token, form: FormState())
    }

    static func revoke(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let id = try req.uuidParameter("tokenID")
        guard let token = try await APIToken.find(id, on: req.db), token.$user.id == user.id else { throw Abort(.notFound) }
        if token.revokedAt == nil { token.revokedAt = Date(); try await token.save(on: req.db) }
        return req.redirect(to: Site.apiTokenIndex.path(), flash: "Jeton révoqué.")
    }
}

/// Authenticates `/api/v1` calls with `Authorization: Bearer <token>`.
struct APITokenMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = CTFTokenCache.token(in: request.headers),
              let token = try await APIToken.query(on: request.db).filter(\.$tokenHash == Tokens.sha256(bearer)).first(),
              token.revokedAt == nil,
              let user = try await User.find(token.$user.id, on: request.db), user.active else {
            return try ErrorPageMiddleware.json(request, .unauthorized, "Jeton d'API manquant, invalide ou révoqué.")
        }
        var companies: Set<UUID> = []
        if user.role == .member, let personID = user.$person.id {
            companies = Set(try await CompanyContact.query(on: request.db).filter(\.$person.$id == personID).all().map { $0.$company.id })
        }
        request.viewer = Viewer(user: user, companyIDs: companies)
        if token.lastUsedAt.map({ Date().timeIntervalSince($0) > 60 }) ?? true {
            token.lastUsedAt = Date()
            try await token.save(on: request.db)
        }
        return try await next.respond(to: request)
    }
}
