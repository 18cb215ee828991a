import Fluent
import Foundation
import GrappeDomain

/// The renewal campaign of `year` before it is confirmed: each active member of the year before
/// with its category, its headcount (the one its contact confirmed, else the one on record),
/// the fee it would pay and whether it confirmed; the members left out, with the reason.
struct RenewalPreview {
    struct Line {
        let companyID: UUID
        let companyName: String
        let category: MembershipCategory
        let headcount: Int
        let holderName: String?
        let confirmedBy: String?
        let confirmedAt: Date?
        /// Already has a membership of `year` (renewed by an earlier run or by hand).
        let renewed: Bool
    }

    struct LeftOut {
        let companyID: UUID
        let companyName: String
        let reason: String
    }

    let year: Int
    let lines: [Line]
    let leftOut: [LeftOut]
    /// The fee grid of `year`, nil when there is none yet (or it is incomplete).
    let grid: FeeGrid?
    let gridProblem: String?

    var toRenew: [Line] { lines.filter { !$0.renewed } }

    /// The yearly fee of a line as chosen, nil when no bracket covers it.
    func fee(category: MembershipCategory, headcount: Int) -> Int? { grid?.bracket(for: category, headcount: headcount)?.amount }

    static func load(_ db: any Database, organisationID: UUID, year: Int) async throws -> RenewalPreview {
        let previous = try await Membership.query(on: db)
            .join(Company.self, on: \Membership.$company.$id == \Company.$id)
            .filter(Company.self, \.$organisation.$id == organisationID)
            .filter(\.$year == year - 1).with(\.$holder).all()
        let renewedIDs = Set(try await Membership.query(on: db)
            .join(Company.self, on: \Membership.$company.$id == \Company.$id)
            .filter(Company.self, \.$organisation.$id == organisationID)
            .filter(\.$year == year).all(\.$company.$id))
        let confirmations = Dictionary(try await Renewal.query(on: db).filter(\.$year == year).filter(\.$confirmedAt != nil).all()
            .map { ($0.$company.id, $0) }, uniquingKeysWith: { a, _ in a })
        var lines: [Line] = []
        var leftOut: [LeftOut] = []
        for m in previous {
            let company = try m.joined(Company.self)
            let id = try company.requireID()
            if let reason = RenewalRule.leftOutReason(m.status) {
                leftOut.append(LeftOut(companyID: id, companyName: company.name, reason: reason))
                continue
            }
            let confirmation = confirmations[id]
            lines.append(Line(companyID: id, companyName: company.name, category: m.category,
                              headcount: confirmation?.headcount ?? company.headcount, holderName: m.holder?.fullName,
                              confirmedBy: confirmation?.confirmedBy, confirmedAt: confirmation?.confirmedAt, renewed: renewedIDs.contains(id)))
        }
        var grid: FeeGrid?
        var problem: String?
        if let schedule = try await FeeSchedule.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$year == year).first() {
            do { grid = try await DuesService.grid(schedule, on: db) } catch let failure as DuesService.Failure { problem = failure.description }
        } else {
            problem = "Aucun barème pour \(year)."
        }
        return RenewalPreview(year: year, lines: lines.sorted { TextFolding.fold($0.companyName) < TextFolding.fold($1.companyName) },
                              leftOut: leftOut.sorted { TextFolding.fold($0.companyName) < TextFolding.fold($1.companyName) }, grid: grid, gridProblem: problem)
    }
}
