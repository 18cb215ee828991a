import Foundation
import Vapor

/// One route of Grappe, described once (`Site`): its method and path, the largest body it
/// accepts and its CSRF rule. `routes.swift` registers the handlers from these; links, redirects
/// and emails are built from them (`path`); `BodyLimits` and `CSRFMiddleware`, which run before
/// routing, read the rules from them. Renaming a path renames it everywhere and keeps its limits.
struct SiteRoute: Sendable, Hashable, CustomStringConvertible {
    enum CSRFRule: Sendable, Hashable {
        /// The form carries the page's token (every POST unless said otherwise).
        case required
        /// A one-click link sent by email (RFC 8058 unsubscribe): the secret token in the path
        /// authorises the post, which comes from a mail client without cookies.
        case tokenInPath
    }

    let method: HTTPMethod
    let segments: [String]
    /// Bytes a POST may send; nil for the default form limit (`BodyLimits.formBytes`).
    let bodyLimit: Int?
    let csrf: CSRFRule

    init(_ method: HTTPMethod, _ segments: String..., bodyLimit: Int? = nil, csrf: CSRFRule = .required) {
        self.method = method
        self.segments = segments
        self.bodyLimit = bodyLimit
        self.csrf = csrf
    }

    var components: [PathComponent] {
        segments.map { $0.hasPrefix(":") ? .parameter(String($0.dropFirst())) : .constant($0) }
    }

    /// `/adherents/:companyID`
    var pattern: String { "/" + segments.joined(separator: "/") }
    var description: String { "\(method.rawValue) \(pattern)" }
    var parameterCount: Int { segments.filter { $0.hasPrefix(":") }.count }

    /// The address, with `values` in place of the parameters in order, each escaped as one path
    /// segment. A wrong number of values is a programming error.
    func path(_ values: any RouteValue...) -> String {
        precondition(values.count == parameterCount, "\(self) takes \(parameterCount) values, not \(values.count)")
        var next = values.makeIterator()
        return "/" + segments.map { segment in
            guard segment.hasPrefix(":"), let value = next.next() else { return segment }
            return value.routeValue.addingPercentEncoding(withAllowedCharacters: Self.segmentCharacters) ?? ""
        }.joined(separator: "/")
    }

    /// Whether `path` (without its query) is an address of this route.
    func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count == segments.count else { return false }
        return zip(segments, parts).allSatisfy { segment, part in segment.hasPrefix(":") || segment == part }
    }

    static func == (a: SiteRoute, b: SiteRoute) -> Bool { a.description == b.description }
    func hash(into hasher: inout Hasher) { hasher.combine(description) }

    private static let segmentCharacters = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))
}

/// What fills a route parameter: ids, slugs, tokens, years, or a model that knows its own.
protocol RouteValue {
    var routeValue: String { get }
}

extension UUID: RouteValue { var routeValue: String { uuidString } }
extension String: RouteValue { var routeValue: String { self } }
extension Int: RouteValue { var routeValue: String { String(self) } }

extension RoutesBuilder {
    /// Registers `handler` for `route`, with the route's body limit.
    @discardableResult
    func register<Answer: AsyncResponseEncodable>(_ route: SiteRoute, use handler: @escaping @Sendable (Request) async throws -> Answer) -> Route {
        let body: HTTPBodyStreamStrategy = route.bodyLimit.map { .collect(maxSize: ByteCount(value: $0)) } ?? .collect
        return on(route.method, route.components, body: body, use: handler)
    }
}
