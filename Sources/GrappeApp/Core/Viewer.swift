import Fluent
import GrappeDomain
import Vapor

/// What a handler needs to know about who is asking: the account (if any) and the companies
/// a member contact may see.
struct Viewer: Sendable {
    let user: User?
    /// Companies the member contact is linked to; empty for others.
    let companyIDs: Set<UUID>
    /// The charity of a charity account.
    var charityID: UUID? { user?.role == .charity ? user?.$charity.id : nil }

    var role: Role? { user?.role }
    var isStaff: Bool { user?.role == .staff }
    var readsEverything: Bool { user?.role.readsEverything ?? false }

    static let anonymous = Viewer(user: nil, companyIDs: [])

    func canRead(company id: UUID) -> Bool { readsEverything || companyIDs.contains(id) }
    func canEditProfile(of id: UUID) -> Bool { isStaff || companyIDs.contains(id) }
}

extension Request {
    private struct ViewerKey: StorageKey { typealias Value = Viewer }

    var viewer: Viewer {
        get { storage[ViewerKey.self] ?? .anonymous }
        set { storage[ViewerKey.self] = newValue }
    }

    /// The logged-in user, or a redirect to the login page.
    func requireUser() throws -> User {
        guard let user = viewer.user else { throw LoginRequired(returnTo: url.string) }
        return user
    }

    /// The logged-in user if they hold one of `roles`; 403 otherwise.
    @discardableResult
    func require(_ roles: Role...) throws -> User {
        let user = try requireUser()
        guard roles.contains(user.role) else { throw Abort(.forbidden) }
        return user
    }

    func requireCompanyRead(_ id: UUID) throws {
        _ = try requireUser()
        guard viewer.canRead(company: id) else { throw Abort(.forbidden) }
    }

    /// A UUID path parameter, or 404 for anything that is not one.
    func uuidParameter(_ name: String) throws -> UUID {
        guard let raw = parameters.get(name), let id = UUID(uuidString: raw) else { throw Abort(.notFound) }
        return id
    }

    /// The year asked for with `?annee=` (2000–2100), else the latest year with memberships.
    func year() async throws -> Int {
        if let y = query[Int.self, at: "annee"], (2000...2100).contains(y) { return y }
        return try await MemberQueries.defaultYear(db, now: now)
    }

    /// The client's address for rate limits: the peer's, or the one a trusted proxy forwarded
    /// (`GRAPPE_TRUSTED_PROXIES`; `X-Forwarded-For` from anyone else is ignored).
    var clientAddress: String {
        let peer = remoteAddress?.ipAddress ?? "local"
        let proxies = application.config.trustedProxies
        return proxies.isEmpty ? peer : proxies.client(peer: peer, forwardedFor: headers[.xForwardedFor])
    }
}

/// Thrown when a page needs a login: the error middleware turns it into a redirect.
struct LoginRequired: Error {
    let returnTo: String
}
