import Fluent
import GrappeDomain
import Vapor

/// Who may see and run a group. Staff and board see everything; a member contact sees the
/// commissions, a club's description (and may ask to join), and a club's members, meetings and
/// minutes only once admitted. Staff and the group's leads run it.
enum GroupAccess {
    static func personID(_ req: Request) -> UUID? { req.viewer.user?.$person.id }

    static func membership(_ req: Request, group: Group) async throws -> GroupMember? {
        guard let personID = personID(req) else { return nil }
        return try await GroupMember.query(on: req.db).filter(\.$group.$id == group.requireID()).filter(\.$person.$id == personID).first()
    }

    /// Members, meetings and minutes.
    static func seesInside(_ req: Request, group: Group, membership: GroupMember?) -> Bool {
        if req.viewer.readsEverything || group.kind == .commission { return true }
        return membership?.status == .member
    }

    static func canManage(_ req: Request, membership: GroupMember?) -> Bool {
        req.viewer.isStaff || (membership?.lead == true && membership?.status == .member)
    }

    /// The page itself: refused only for the board and bureau to people outside them.
    static func requireRead(_ req: Request, group: Group) async throws {
        _ = try req.requireUser()
        let m = try await membership(req, group: group)
        if !seesInside(req, group: group, membership: m) && group.kind != .club { throw Abort(.forbidden) }
    }

    /// Members, meetings and minutes, or 403.
    static func requireInside(_ req: Request, group: Group) async throws {
        _ = try req.requireUser()
        guard seesInside(req, group: group, membership: try await membership(req, group: group)) else { throw Abort(.forbidden) }
    }

    /// Staff or a lead of the group, or 403.
    @discardableResult
    static func requireManage(_ req: Request, group: Group) async throws -> User {
        let user = try req.requireUser()
        guard canManage(req, membership: try await membership(req, group: group)) else { throw Abort(.forbidden) }
        return user
    }

    static func find(_ req: Request) async throws -> Group {
        guard let slug = req.parameters.get("slug"), slug.count <= 120,
              let group = try await Group.query(on: req.db).filter(\.$organisation.$id == req.organisationID()).filter(\.$slug == slug).first()
        else { throw Abort(.notFound) }
        return group
    }
}
