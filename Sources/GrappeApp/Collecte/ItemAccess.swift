import Fluent
import GrappeDomain
import Vapor

/// Who may see and change an item: staff everything; board reads; a refurbisher's contacts the
/// items assigned to their company; a charity's accounts the items allocated to it.
enum ItemAccess {
    enum Level: Comparable { case none, read, refurbisher, charity, staff }

    static func level(_ req: Request, _ item: CollectItem) -> Level {
        guard let user = req.viewer.user else { return .none }
        if user.role == .staff { return .staff }
        if let id = item.$refurbisher.id, req.viewer.companyIDs.contains(id) { return .refurbisher }
        if let charity = req.viewer.charityID, item.$charity.id == charity { return .charity }
        if user.role == .board { return .read }
        return .none
    }

    /// Whether a viewer at `level` may move an item to `target` (the chain's own rules apply
    /// on top): refurbishers neither record collections nor allocate or hand over; charities
    /// only confirm handovers; the board reads.
    static func mayMove(_ level: Level, to target: CollectItemState) -> Bool {
        switch level {
        case .staff: true
        case .refurbisher: ![.collected, .allocated, .handedOver].contains(target)
        case .charity: target == .handedOver
        case .read, .none: false
        }
    }

    /// The item, or 404 when it does not exist or the viewer may not see it (no probing).
    static func find(_ req: Request) async throws -> (CollectItem, Level) {
        _ = try req.requireUser()
        guard let item = try await CollectItem.query(on: req.db).filter(\.$id == (try req.uuidParameter("itemID")))
            .with(\.$campaign).with(\.$pledge).with(\.$refurbisher).with(\.$charity).first(),
              item.campaign.$organisation.id == (try await req.organisationID()) else { throw Abort(.notFound) }
        let level = level(req, item)
        guard level != .none else { throw Abort(.notFound) }
        return (item, level)
    }
}
