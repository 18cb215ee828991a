import Fluent
import Foundation
import GrappeDomain
import SQLKit

/// An edition's sponsors, chosen among the cluster's partners (`ctf_sponsors`, a pair of ids
/// without a row id of its own): who they are, which partners the staff may choose from, and
/// replacing the choice.
enum CTFSponsors {
    /// The most sponsors an edition shows.
    static let maximum = 40

    /// The ids of the edition's sponsors.
    static func ids(_ db: any Database, editionID: Int) async throws -> Set<UUID> {
        Set(try await db.sql.raw("SELECT partner_id FROM ctf_sponsors WHERE edition_id = \(bind: editionID)").all()
            .map { try $0.decode(column: "partner_id", as: UUID.self) })
    }

    /// The edition's sponsors, by name.
    static func of(_ db: any Database, editionID: Int) async throws -> [Partner] {
        let ids = try await ids(db, editionID: editionID)
        guard !ids.isEmpty else { return [] }
        return try await Partner.query(on: db).filter(\.$id ~~ Array(ids)).all().sortedInFrench(by: \.name)
    }

    /// Every partner of the organisation, latest years first.
    static func partners(_ db: any Database, organisationID: UUID) async throws -> [Partner] {
        try await Partner.query(on: db).filter(\.$organisation.$id == organisationID).all()
            .sorted { $0.year != $1.year ? $0.year > $1.year : FrenchOrder.precedes($0.name, $1.name) }
    }

    /// The partners offered to an edition of `year`: those of that year, then, for each other
    /// name, its latest year's row (a partner of earlier years may sponsor too); a sponsor
    /// already chosen is always offered.
    static func offered(_ all: [Partner], year: Int, chosen: Set<UUID>) -> [Partner] {
        let thisYear = all.filter { $0.year == year }.sortedInFrench(by: \.name)
        var names = Set(thisYear.map { TextFolding.fold($0.name) })
        var out = thisYear
        for p in all.filter({ $0.year != year }).sorted(by: { ($0.year, $1.name) > ($1.year, $0.name) }) {
            let key = TextFolding.fold(p.name)
            if p.id.map(chosen.contains) == true || !names.contains(key) {
                out.append(p)
                names.insert(key)
            }
        }
        return out
    }

    /// Replaces the sponsors of `editionID` by `partnerIDs`, in the caller's transaction.
    static func replace(_ partnerIDs: Set<UUID>, editionID: Int, on db: any Database) async throws {
        try await db.sql.raw("DELETE FROM ctf_sponsors WHERE edition_id = \(bind: editionID)").run()
        guard !partnerIDs.isEmpty else { return }
        var insert = db.sql.insert(into: "ctf_sponsors").columns("edition_id", "partner_id")
        for id in partnerIDs.sorted(by: { $0.uuidString < $1.uuidString }) { insert = insert.values([SQLBind(editionID), SQLBind(id)]) }
        try await insert.run()
    }
}
