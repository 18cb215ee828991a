import Vapor

/// Turns every error into a French HTML page (or JSON under /api), never with internal details
/// for a 500, and a missing login into a redirect to the login page. Future-based: only an error
/// starts a task (see `CSRFMiddleware`).
struct ErrorPageMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).flatMapError { error in
            request.eventLoop.makeFutureWithTask { try await Self.page(for: error, request) }
        }
    }

    static func page(for error: any Error, _ request: Request) async throws -> Response {
        if let login = error as? LoginRequired {
            if Site.isAPI(request.url.path) { return try json(request, .unauthorized, "Authentification requise.") }
            let target = login.returnTo.hasPrefix("/") && !login.returnTo.hasPrefix("//") ? login.returnTo : "/"
            return request.redirect(to: "\(Site.loginForm.path())?retour=" + (target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
        }
        let status: HTTPStatus
        let reason: String
        if let abort = error as? any AbortError {
            status = abort.status
            reason = abort.status == .internalServerError ? message(for: .internalServerError) : (abort.reason == abort.status.reasonPhrase ? message(for: abort.status) : abort.reason)
        } else {
            status = .internalServerError
            reason = Self.message(for: status)
        }
        if status.code >= 500 {
            request.logger.error("\(request.method) \(request.url.path): \(String(reflecting: error))")
        }
        if Site.isAPI(request.url.path) { return try Self.json(request, status, reason) }
        let body: HTML = """
        <section class="error-page">
        <h1>\(Self.title(for: status))</h1>
        <p>\(reason)</p>
        <p><a href="/">Retour à l'accueil</a></p>
        </section>
        """
        return try await Layout.page(request, title: Self.title(for: status), status: status, body: body)
    }

    /// The API's error body: `error` for Grappe's own clients, `success` and `message` in CTFd's
    /// shape for the CTF's (the same body serves both).
    struct APIError: Content {
        let success: Bool
        let error: String
        let message: String
    }

    static func json(_ req: Request, _ status: HTTPStatus, _ message: String) throws -> Response {
        let response = Response(status: status)
        try response.content.encode(APIError(success: false, error: message, message: message), as: .json)
        return response
    }

    static func title(for status: HTTPStatus) -> String {
        switch status.code {
        case 400: "Requête invalide"
        case 403: "Accès refusé"
        case 404: "Page introuvable"
        case 413: "Fichier trop volumineux"
        case 429: "Trop de tentatives"
        case 500...: "Erreur interne"
        default: "Erreur \(status.code)"
        }
    }

    static func message(for status: HTTPStatus) -> String {
        switch status.code {
        case 400: "La requête n'a pas pu être comprise."
        case 403: "Vous n'avez pas accès à cette page."
        case 404: "Cette page n'existe pas ou a été déplacée."
        case 413: "Le fichier envoyé dépasse la taille autorisée."
        case 429: "Trop de tentatives : patientez quelques minutes avant de réessayer."
        case 500...: "Une erreur interne est survenue. L'équipe a été prévenue ; réessayez plus tard."
        default: status.reasonPhrase
        }
    }
}
