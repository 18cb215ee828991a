import Fluent
import Vapor

/// Loads the logged-in account from the session (one query for the user, one for a member
/// contact's companies) and expires sessions after 12 hours.
struct ViewerMiddleware: AsyncMiddleware {
    static let sessionLifetime: TimeInterval = 12 * 3600

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.hasSessionCookie, let raw = request.session.data["uid"], let id = UUID(uuidString: raw) {
            let since = request.session.data["at"].flatMap(Double.init) ?? 0
            if Date().timeIntervalSince1970 - since > Self.sessionLifetime {
                request.session.data["uid"] = nil
            } else if let user = try await User.find(id, on: request.db), user.active {
                var companies: Set<UUID> = []
                if user.role == .member, let personID = user.$person.id {
                    let links = try await CompanyContact.query(on: request.db)
                        .filter(\.$person.$id == personID).all()
                    companies = Set(links.map { $0.$company.id })
                }
                request.viewer = Viewer(user: user, companyIDs: companies)
            } else {
                request.session.data["uid"] = nil
            }
        }
        return try await next.respond(to: request)
    }
}
