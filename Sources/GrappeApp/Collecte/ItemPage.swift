import Fluent
import Foundation
import GrappeDomain

/// An item's page as the queries read it: the item, its journey and erasure records, and for
/// staff the companies and charities it may be assigned to. Rendered by `ItemView.page`.
struct ItemPage: Sendable {
    let item: CollectItem
    let level: ItemAccess.Level
    let moves: [CollectMove]
    let records: [ErasureRecord]
    /// Staff only (empty otherwise): the choices of the assignment form.
    let companies: [Company]
    let charities: [Charity]
    /// Staff and board: the links back to the campaigns.
    let readsEverything: Bool
    /// The viewer is a contact of the donor company (the certificate is theirs to read).
    let donorContact: Bool
    /// Every storage device of the item has its erasure record (or it holds none).
    let hasErasureRecord: Bool

    /// The moves the chain's rules allow from where the item is, with the records it has
    /// (`CollectItemState.check`), among those its viewer may make.
    var allowedMoves: [CollectItemState] {
        CollectItemState.allowedMoves(from: item.state).filter { target in
            ItemAccess.mayMove(level, to: target)
                && CollectItemState.check(from: item.state, to: target, hasErasureRecord: hasErasureRecord,
                                          hasGrade: item.grade != nil && item.functionalOK != nil, hasCharity: item.$charity.id != nil) == nil
        }
    }

    static func load(_ db: any Database, item: CollectItem, level: ItemAccess.Level, organisationID: UUID, readsEverything: Bool, donorContact: Bool) async throws -> ItemPage {
        let itemID = try item.requireID()
        let moves = try await CollectMove.query(on: db).filter(\.$item.$id == itemID).with(\.$user).sort(\.$at).all()
        let records = try await ErasureRecord.query(on: db).filter(\.$item.$id == itemID).sort(\.$erasedOn).all()
        var companies: [Company] = [], charities: [Charity] = []
        if level == .staff {
            companies = try await Company.query(on: db).filter(\.$organisation.$id == organisationID).all().sortedInFrench(by: \.name)
            charities = try await Charity.query(on: db).filter(\.$organisation.$id == organisationID).all().sortedInFrench(by: \.name)
        }
        return ItemPage(item: item, level: level, moves: moves, records: records, companies: companies, charities: charities, readsEverything: readsEverything, donorContact: donorContact,
                        hasErasureRecord: !CollectService.needsErasure(item.deviceType) || !records.isEmpty)
    }
}
