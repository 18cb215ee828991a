import Fluent
import Vapor

/// Who may see a group: staff and board see all; a member contact sees the commissions, and a
/// club only when they belong to it (clubs are closed).
enum GroupAccess {
    static func personID(_ req: Request) -> UUID? { req.viewer.user?.$person.id }

    static func isMember(_ req: Request, group: Group) async throws -> Bool {
        guard let personID = personID(req) else { return false }
        return try await GroupMember.query(on: req.db).filter(\.$group.$id == group.requireID()).filter(\.$person.$id == personID)
            .filter(\.$status == .member).count() > 0
    }

    static func requireRead(_ req: Request, group: Group) async throws {
        _ = try req.requireUser()
        if req.viewer.readsEverything { return }
        switch group.kind {
        case .commission: return
        case .club, .board, .bureau:
            guard try await isMember(req, group: group) else { throw Abort(.forbidden) }
        }
    }

    static func find(_ req: Request) async throws -> Group {
        guard let slug = req.parameters.get("slug"), slug.count <= 120,
              let group = try await Group.query(on: req.db).filter(\.$organisation.$id == req.organisationID()).filter(\.$slug == slug).first()
        else { throw Abort(.notFound) }
        return group
    }
}
