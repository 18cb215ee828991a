import Crypto
import Vapor

/// CSRF protection. A signed-in browser (one with a session) uses a synchroniser token: a
/// random token kept in its session, sent back in every POST form as `_csrf`. A visitor without
/// a session (the public forms: login, sign-ups, registrations, CVs) gets the same field checked
/// against a random token in its own HttpOnly, SameSite cookie (double submit), so that merely
/// reading a public page never writes a session row to the database. Bearer-token API calls are
/// exempt (no cookie is used there).
enum CSRF {
    static let field = "_csrf"
    static let cookieName = "grappe_csrf"

    private struct NewCookieKey: StorageKey { typealias Value = String }

    static func token(for request: Request) -> String {
        if request.hasSessionCookie || request.hasSession {
            if let existing = request.session.data["csrf"] { return existing }
            let token = Tokens.random(bytes: 24)
            request.session.data["csrf"] = token
            return token
        }
        if let cookie = visitorToken(request) { return cookie }
        let token = Tokens.random(bytes: 24)
        request.storage[NewCookieKey.self] = token
        return token
    }

    /// The visitor's cookie token: the one this request set, or a well-formed one it sent.
    static func visitorToken(_ request: Request) -> String? {
        if let fresh = request.storage[NewCookieKey.self] { return fresh }
        guard let sent = request.cookies[cookieName]?.string, sent.count == 32,
              sent.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
        return sent
    }

    /// The token a POST must carry: its session's, or else its visitor cookie's.
    static func expected(_ request: Request) -> String? {
        if request.hasSessionCookie, let token = request.session.data["csrf"] { return token }
        return visitorToken(request)
    }

    /// Sets the visitor cookie when this request created its token.
    static func setCookie(on response: Response, for request: Request) {
        guard let token = request.storage[NewCookieKey.self] else { return }
        response.cookies[cookieName] = HTTPCookies.Value(string: token, maxAge: Int(ViewerMiddleware.sessionLifetime), path: "/",
                                                         isSecure: request.application.config.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    /// The hidden field of a POST form (a placeholder while `PageCache` builds a page to keep).
    static func hiddenField(_ request: Request) -> HTML {
        if PageCache.isBuilding(request), let cache = request.application.pageCache { return HTML(raw: cache.placeholder) }
        return "<input type=\"hidden\" name=\"_csrf\" value=\"\(token(for: request))\">"
    }
}

/// Future-based rather than async: a GET or an API call passes through without starting a task
/// (an async middleware starts one per request, a measurable cost under a flag storm).
struct CSRFMiddleware: Middleware {
    struct Field: Content { var _csrf: String? }

    /// A route whose secret token in the path authorises the post (`SiteRoute.CSRFRule`).
    private static let tokenAuthorised = Site.all.filter { $0.csrf == .tokenInPath }

    static func isTokenAuthorised(_ method: HTTPMethod, path: String) -> Bool {
        tokenAuthorised.contains { $0.method == method && $0.matches(path) }
    }

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard request.method == .POST || request.method == .PUT || request.method == .PATCH || request.method == .DELETE,
              !Site.isAPI(request.url.path), !Self.isTokenAuthorised(request.method, path: request.url.path) else {
            return Self.respond(request, next)
        }
        return request.eventLoop.makeFutureWithTask {
            if request.body.data == nil {
                // The body is read here, before routing: the limit is the route's (`BodyLimits`).
                _ = try await request.body.collect(max: BodyLimits.bytes(for: request.url.path)).get()
            }
            let sent = (try? request.content.decode(Field.self))?._csrf ?? request.headers.first(name: "X-CSRF-Token")
            guard let expected = CSRF.expected(request), let sent,
                  Tokens.constantTimeEqual(expected, sent) else {
                throw Abort(.forbidden, reason: "Jeton de sécurité (CSRF) manquant ou expiré : rechargez la page et recommencez.")
            }
            return try await Self.respond(request, next).get()
        }
    }

    private static func respond(_ request: Request, _ next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).map { response in
            CSRF.setCookie(on: response, for: request)
            return response
        }
    }
}
