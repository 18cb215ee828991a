import Crypto
import Vapor

/// Synchroniser-token CSRF protection: a random token kept in the session, sent back in every
/// POST form as `_csrf`. Bearer-token API calls are exempt (no cookie is used there).
enum CSRF {
    static let field = "_csrf"
    /// One-click unsubscribe (RFC 8058): the secret token in the URL authorises the POST.
    static let tokenAuthorisedPrefix = "/lettre/desabonnement/"

    static func token(for request: Request) -> String {
        if let existing = request.session.data["csrf"] { return existing }
        let token = Tokens.random(bytes: 24)
        request.session.data["csrf"] = token
        return token
    }

    /// The hidden field of a POST form (a placeholder while `PageCache` builds a page to keep).
    static func hiddenField(_ request: Request) -> HTML {
        if PageCache.isBuilding(request), let cache = request.application.pageCache { return HTML(raw: cache.placeholder) }
        return "<input type=\"hidden\" name=\"_csrf\" value=\"\(token(for: request))\">"
    }
}

struct CSRFMiddleware: AsyncMiddleware {
    struct Field: Content { var _csrf: String? }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST || request.method == .PUT || request.method == .PATCH || request.method == .DELETE,
              !request.url.path.hasPrefix("/api/"), !request.url.path.hasPrefix(CSRF.tokenAuthorisedPrefix) else {
            return try await next.respond(to: request)
        }
        if request.body.data == nil {
            // The body is read here, before routing: the limit is the route's (`BodyLimits`).
            _ = try await request.body.collect(max: BodyLimits.bytes(for: request.url.path)).get()
        }
        let sent = (try? request.content.decode(Field.self))?._csrf ?? request.headers.first(name: "X-CSRF-Token")
        guard let expected = request.session.data["csrf"], let sent,
              Tokens.constantTimeEqual(expected, sent) else {
            throw Abort(.forbidden, reason: "Jeton de sécurité (CSRF) manquant ou expiré : rechargez la page et recommencez.")
        }
        return try await next.respond(to: request)
    }
}
