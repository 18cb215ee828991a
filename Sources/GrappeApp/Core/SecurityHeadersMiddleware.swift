import Vapor

/// Headers that make the browser refuse injected scripts, framing and MIME sniffing. Future-based:
/// it starts no task of its own (see `CSRFMiddleware`).
struct SecurityHeadersMiddleware: Middleware {
    /// Set by a handler whose document needs a stricter policy of its own; never sent as such.
    static let documentPolicy = "X-Document-CSP"

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).map { Self.secure($0, for: request) }
    }

    static func secure(_ response: Response, for request: Request) -> Response {
        // A report document carries its own policy (its stylesheet allowed by hash).
        let own = response.headers.first(name: Self.documentPolicy)
        response.headers.remove(name: Self.documentPolicy)
        response.headers.replaceOrAdd(name: "Content-Security-Policy",
            value: own ?? "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        if request.application.baseURL.hasPrefix("https://") {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000")
        }
        if request.viewer.user != nil && response.headers.first(name: .cacheControl) == nil {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}
