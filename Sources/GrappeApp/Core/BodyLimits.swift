import Vapor

/// The largest body a POST may send: the route's own (`SiteRoute.bodyLimit`: the CV drop and
/// the imports) or the form default. The routes collect with it and so does the CSRF
/// middleware, which reads the body before routing. Over the limit the answer is 413.
enum BodyLimits {
    /// Vapor's `defaultMaxBodySize`, set from this in `configure`.
    static let formBytes = 1024 * 1024
    private static let uploads = Site.all.filter { $0.bodyLimit != nil }

    static func bytes(for path: String) -> Int {
        uploads.first { $0.method == .POST && $0.matches(path) }?.bodyLimit ?? formBytes
    }
}
