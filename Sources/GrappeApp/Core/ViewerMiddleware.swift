import Fluent
import Vapor

/// Loads the logged-in account from the session (one query for the user, one for a member
/// contact's companies, none when the `SignInCache` has them) and expires sessions after 12 hours
/// or when the account's `sessionVersion` moved on (a password reset) since it was opened.
/// Future-based: a request without a session (the public, API tokens) starts no task (see
/// `CSRFMiddleware`).
struct ViewerMiddleware: Middleware {
    static let sessionLifetime: TimeInterval = 12 * 3600

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard request.hasSessionCookie, let raw = request.session.data["uid"], let id = UUID(uuidString: raw) else {
            return next.respond(to: request)
        }
        return request.eventLoop.makeFutureWithTask {
            try await Self.identify(id, request)
            return try await next.respond(to: request).get()
        }
    }

    /// Sets `request.viewer` from the session's account `id`, or closes the session.
    static func identify(_ id: UUID, _ request: Request) async throws {
        let since = request.session.data["at"].flatMap(Double.init) ?? 0
        if Date().timeIntervalSince1970 - since > Self.sessionLifetime {
            request.session.data["uid"] = nil
        } else if let account = try await Self.account(id, request),
                  request.session.data["sv"] == String(account.sessionVersion) {
            request.viewer = account.viewer()
        } else {
            request.session.data["uid"] = nil
        }
    }

    /// The active account `id` with its companies: from the `SignInCache` when it has it.
    static func account(_ id: UUID, _ request: Request) async throws -> SignInCache.Account? {
        let cache = request.application.signInCache
        if let hit = cache?.account(id) { return hit.active ? hit : nil }
        let generation = cache?.generation ?? 0
        guard let user = try await User.find(id, on: request.db) else { return nil }
        var companies: Set<UUID> = []
        if user.role == .member, let personID = user.$person.id {
            let links = try await CompanyContact.query(on: request.db).filter(\.$person.$id == personID).all()
            companies = Set(links.map { $0.$company.id })
        }
        let account = try SignInCache.Account(user, companyIDs: companies)
        cache?.store(account: account, readAt: generation)
        return account.active ? account : nil
    }
}
