import Fluent
import Foundation
import GrappeDomain

/// Writing a year's fee schedule: used by its page, the demo and the tests.
enum FeeScheduleService {
    /// Replaces the schedule of a year (used by the form and the demo data).
    static func saveGrid(_ grid: FeeGrid, year: Int, rule: ProRataRule, paymentDays: Int, organisationID: UUID, user: User?, on db: any Database) async throws {
        try await db.transaction { db in
            let schedule = try await FeeSchedule.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$year == year).first()
                ?? FeeSchedule(organisationID: organisationID, year: year, proRataRule: rule, paymentDays: paymentDays)
            let before = schedule.id == nil ? "" : try await DuesService.grid(schedule, on: db).brackets.map { "\($0.category.rawValue) \($0.label) \($0.amount)" }.joined(separator: "; ")
            schedule.proRataRule = rule
            schedule.paymentDays = paymentDays
            try await schedule.save(on: db)
            let scheduleID = try schedule.requireID()
            try await FeeScheduleBracket.query(on: db).filter(\.$schedule.$id == scheduleID).delete()
            for bracket in grid.brackets { try await FeeScheduleBracket(scheduleID: scheduleID, bracket: bracket).create(on: db) }
            let after = grid.brackets.map { "\($0.category.rawValue) \($0.label) \($0.amount)" }.joined(separator: "; ")
            try await Audit.record(on: db, organisationID: organisationID, user: user, entity: "fee_schedule", entityID: scheduleID,
                                   action: before.isEmpty ? "create" : "update", changes: ["barème": (before, after), "règle": ("", rule.label)])
        }
    }
}
