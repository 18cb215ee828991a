import Fluent
import Foundation

/// Mandates read by several pages (the governance page, the staff dashboard).
enum MandateQueries {
    /// Mandates ending within `days` days, soonest first (for the dashboard).
    static func endingSoon(_ db: any Database, organisationID: UUID, days: Int = 90, now: Date) async throws -> [Mandate] {
        let limit = now.addingTimeInterval(Double(days) * 86400)
        return try await Mandate.query(on: db)
            .join(Group.self, on: \Mandate.$group.$id == \Group.$id)
            .filter(Group.self, \.$organisation.$id == organisationID)
            .filter(\.$endsOn >= now).filter(\.$endsOn <= limit)
            .with(\.$person).with(\.$group).sort(\.$endsOn).all()
    }
}
