import Vapor

/// Who may reach a route at all, checked before its handler runs: the route map groups its
/// routes by it (`routes.swift`). A visitor gets the login page (401 under `/api`), a signed-in
/// account without the role gets 403. Checks on one object — this company, this group, this
/// item — stay in the handlers, which know the object.
enum Access: Sendable {
    /// Any account of the member side: every role but Hackagou's players, who only reach the
    /// CTF's pages (`player`).
    case signedIn
    /// Accounts holding one of these roles.
    case roles(Set<Role>)

    static let staff = Access.roles([.staff])
    static let staffOrBoard = Access.roles([.staff, .board])
    static let memberContact = Access.roles([.member])
    static let charity = Access.roles([.charity])
    static let player = Access.roles([.player])
    /// Every account, players included (logging out).
    static let anyAccount = Access.roles(Set(Role.allCases))
}

struct AccessGuard: AsyncMiddleware {
    let access: Access

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let user = try request.requireUser()
        switch access {
        case .signedIn: if user.role == .player { throw Abort(.forbidden) }
        case .roles(let roles): if !roles.contains(user.role) { throw Abort(.forbidden) }
        }
        return try await next.respond(to: request)
    }
}

extension RoutesBuilder {
    /// The routes registered on the result are guarded by `access`.
    func guarded(_ access: Access) -> any RoutesBuilder { grouped(AccessGuard(access: access)) }
}
