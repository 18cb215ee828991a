import Fluent
import Foundation
import GrappeDomain

/// Mandates read by several pages (the governance page, the history, the staff dashboard).
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

    /// Every mandate, of one person or one role when given, newest first.
    static func history(_ db: any Database, organisationID: UUID, personID: UUID?, role: MandateRole?) async throws -> [Mandate] {
        var query = Mandate.query(on: db).join(Group.self, on: \Mandate.$group.$id == \Group.$id)
            .filter(Group.self, \.$organisation.$id == organisationID)
        if let personID { query = query.filter(\.$person.$id == personID) }
        if let role { query = query.filter(\.$role == role) }
        return try await query.with(\.$person).with(\.$group).with(\.$company).sort(\.$electedOn, .descending).all()
    }
}
