import Fluent
import Foundation
import GrappeDomain

/// What a member contact can do about the next renewal, on their company's page: the year it
/// is for, whether it is confirmed (by whom, when, with which headcount), whether the call is
/// already out (then the headcount is the due's business, no longer the contact's), and the fee
/// the declared headcount gives with the year's grid.
struct RenewalOffer {
    let companyID: UUID
    let year: Int
    let category: MembershipCategory
    let headcount: Int
    let confirmedBy: String?
    let confirmedAt: Date?
    let called: Bool
    let fee: Int?
    let bracketLabel: String?

    /// The renewal for this year (a member of last year not yet renewed or lapsed) or, from
    /// then on, for next year; nil when there is nothing to renew.
    static func load(_ db: any Database, company: Company, now: Date) async throws -> RenewalOffer? {
        let companyID = try company.requireID()
        let memberships = try await Membership.query(on: db).filter(\.$company.$id == companyID).all()
        let byYear = Dictionary(memberships.map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })
        let paid = Set(try await Due.query(on: db).filter(\.$company.$id == companyID).filter(\.$paid > 0).all(\.$year))
        let current = FrenchDate.year(of: now)
        // A member of the year before, not yet renewed, or renewed by the call but not yet paid.
        guard let year = [current, current + 1].first(where: { y in
            byYear[y - 1]?.status == .active && (byYear[y] == nil || (byYear[y]?.status == .active && !paid.contains(y)))
        }), let previous = byYear[year - 1] else { return nil }
        let renewal = try await Renewal.query(on: db).filter(\.$company.$id == companyID).filter(\.$year == year).first()
        let confirmed = renewal?.confirmedAt != nil ? renewal : nil
        let category = byYear[year]?.category ?? previous.category
        let headcount = confirmed?.headcount ?? company.headcount
        var fee: Int?
        var label: String?
        if let schedule = try await FeeSchedule.query(on: db).filter(\.$organisation.$id == company.$organisation.id).filter(\.$year == year).first(),
           let grid = try? await DuesService.grid(schedule, on: db), let bracket = grid.bracket(for: category, headcount: headcount) {
            fee = bracket.amount
            label = bracket.label
        }
        return RenewalOffer(companyID: companyID, year: year, category: category, headcount: headcount, confirmedBy: confirmed?.confirmedBy,
                            confirmedAt: confirmed?.confirmedAt, called: byYear[year] != nil, fee: fee, bracketLabel: label)
    }
}
