import Fluent
import Foundation
import GrappeDomain

/// What the staff and board home shows for a year, read by `load` and rendered by
/// `DashboardView` without a database: dues at a glance, what needs attention, mandates
/// ending, the next meetings and events, the report's state and the oldest unpaid dues.
struct DashboardPage: Sendable {
    let year: Int
    let dues: DuesTotals
    let activeMembers: Int
    let oldestUnpaid: [DueSummary]
    let failedMails: Int
    /// Active memberships of the year without a due yet.
    let pendingCall: Int
    let endingMandates: [Mandate]
    let meetings: [Meeting]
    let events: [ClusterEvent]
    /// What waits for a decision (`AttentionQueries`).
    let attention: [AttentionItem]
    let reportFrozenAt: Date?

    /// The share of the expected dues received, in percent.
    var receivedShare: Int { dues.expected > 0 ? Int((Double(dues.received) / Double(dues.expected) * 100).rounded()) : 0 }

    static func load(_ db: any Database, organisationID orgID: UUID, now: Date, staff: Bool) async throws -> DashboardPage {
        let year = try await MemberQueries.defaultYear(db, now: now)
        var active = MemberFilter(year: year)
        active.status = .active
        return DashboardPage(
            year: year,
            dues: DuesTotals.sum(try await DueQueries.totals(db, organisationID: orgID, year: year).values),
            activeMembers: try await MemberQueries.count(db, filter: active, organisationID: orgID),
            oldestUnpaid: try await DueQueries.list(db, organisationID: orgID, year: nil, state: .unpaid, limit: 5, order: "d.due_on ASC, d.sequence ASC"),
            failedMails: try await OutboxMessage.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$status == .failed).count(),
            pendingCall: try await DueQueries.pendingMemberships(db, organisationID: orgID, year: year),
            endingMandates: try await MandateQueries.endingSoon(db, organisationID: orgID, now: now),
            meetings: try await Meeting.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$status == .planned)
                .filter(\.$startsAt >= now).sort(\.$startsAt).limit(5).with(\.$group).all(),
            events: try await ClusterEvent.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$status ~~ [.planned, .standby])
                .filter(\.$startsAt >= now).sort(\.$startsAt).limit(5).all(),
            attention: try await AttentionQueries.items(db, organisationID: orgID, staff: staff, now: now),
            reportFrozenAt: try await ReportService.frozenAt(db, organisationID: orgID, year: year))
    }
}
