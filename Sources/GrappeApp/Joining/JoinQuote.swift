import Fluent
import Foundation
import GrappeDomain

/// What joining costs today: the bracket of the year's fee schedule, pro-rated by its rule.
struct JoinQuote: Sendable {
    let amount: Int
    let yearly: Int
    let bracketLabel: String
    let prorated: Bool

    static func schedule(_ db: any Database, organisationID: UUID, year: Int) async throws -> (FeeSchedule, FeeGrid)? {
        guard let schedule = try await FeeSchedule.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$year == year).first() else { return nil }
        return (schedule, try await DuesService.grid(schedule, on: db))
    }

    static func compute(_ db: any Database, organisationID: UUID, category: MembershipCategory, headcount: Int, today: Date) async throws -> JoinQuote? {
        guard let (schedule, grid) = try await schedule(db, organisationID: organisationID, year: FrenchDate.year(of: today)),
              let q = DuesStanding.quote(grid: grid, rule: schedule.proRataRule, category: category, headcount: headcount, joinMonth: FrenchDate.month(of: today))
        else { return nil }
        return JoinQuote(amount: q.amount, yearly: q.bracket.amount, bracketLabel: q.bracket.label, prorated: q.amount != q.bracket.amount)
    }
}
