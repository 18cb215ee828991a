import Fluent
import Foundation
import GrappeDomain
import SQLKit

/// The report's figures, each from one aggregate query whatever the number of rows.
enum ReportQueries {
    /// Active members of a year, per category, and how many of their holders are women.
    struct Members: Sendable, Equatable {
        var byCategory: [MembershipCategory: Int] = [:]
        var womenHolders = 0
        var total: Int { byCategory.values.reduce(0, +) }
    }

    static func members(_ db: any Database, organisationID: UUID, year: Int) async throws -> Members {
        var out = Members()
        let rows = try await db.sql.raw("""
        SELECT ms.category, COUNT(*) AS n, CAST(SUM(CASE WHEN p.gender = 'female' THEN 1 ELSE 0 END) AS BIGINT) AS women
        FROM memberships ms JOIN companies c ON c.id = ms.company_id LEFT JOIN people p ON p.id = ms.holder_id
        WHERE c.organisation_id = \(bind: organisationID) AND ms.year = \(bind: year) AND ms.status = 'active'
        GROUP BY ms.category
        """).all()
        for row in rows {
            guard let category = MembershipCategory(rawValue: try row.decode(column: "category", as: String.self)) else { continue }
            out.byCategory[category] = try row.decode(column: "n", as: Int.self)
            out.womenHolders += try row.decode(column: "women", as: Int?.self) ?? 0
        }
        return out
    }

    /// Names and communes of the year's active members, alphabetically.
    static func memberNames(_ db: any Database, organisationID: UUID, year: Int) async throws -> [(name: String, commune: String)] {
        try await db.sql.raw("""
        SELECT c.name, c.commune FROM memberships ms JOIN companies c ON c.id = ms.company_id
        WHERE c.organisation_id = \(bind: organisationID) AND ms.year = \(bind: year) AND ms.status = 'active'
        ORDER BY \(unsafeRaw: SQLFrenchOrder.order("c.name"))
        """).all().map { (try $0.decode(column: "name", as: String.self), try $0.decode(column: "commune", as: String.self)) }
    }

    /// Held meetings of the given groups in a year, per month (twelve counts).
    static func meetingsPerMonth(_ db: any Database, organisationID: UUID, year: Int, groupIDs: [UUID]) async throws -> [Int] {
        guard !groupIDs.isEmpty else { return Array(repeating: 0, count: 12) }
        let (from, to) = FrenchDate.yearBounds(year)
        let rows = try await db.sql.raw("""
        SELECT starts_at FROM meetings WHERE organisation_id = \(bind: organisationID) AND status = 'held'
        AND group_id IN (\(binds: groupIDs)) AND starts_at >= \(bind: from) AND starts_at < \(bind: to)
        """).all()
        return MeetingStats.perMonth(try rows.map { try $0.decode(column: "starts_at", as: Date.self) }, year: year)
    }

    /// The communication figures of a year, by channel.
    static func communication(_ db: any Database, organisationID: UUID, year: Int) async throws -> [CommunicationFigure] {
        try await CommunicationFigure.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$year == year)
            .sort(\.$metric, .descending).sort(\.$channel).all()  // followers first, then articles
    }

    /// The text printed for a year: its latest version, or for texts that carry over, the latest
    /// of the most recent earlier year.
    static func text(_ db: any Database, organisationID: UUID, year: Int, kind: ReportText.Kind) async throws -> ReportText? {
        var query = ReportText.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$kind == kind)
        query = kind.carriesOver ? query.filter(\.$year <= year) : query.filter(\.$year == year)
        return try await query.sort(\.$year, .descending).sort(\.$version, .descending).first()
    }

    /// Total dues received in a year (payments capped at each due's amount).
    static func duesReceived(_ db: any Database, organisationID: UUID, year: Int) async throws -> (expected: Int, received: Int)? {
        let totals = try await DueQueries.totals(db, organisationID: organisationID, year: year)
        guard !totals.isEmpty else { return nil }
        let all = DuesTotals.sum(totals.values)
        return (all.expected, all.received)
    }

    /// The year's held meetings per group with their attendance (one scan, shared by the sections).
    static func meetingTotals(_ ctx: ReportContext, year: Int) async throws -> [UUID?: GroupQueries.MeetingTotals] {
        try await ctx.memo.value("meetings-\(year)") { try await GroupQueries.meetingTotals(ctx.db, organisationID: ctx.organisationID, year: year) }
    }

    /// Figures per group for the report's year.
    static func groupStats(_ ctx: ReportContext) async throws -> [UUID: GroupYearStats] {
        let totals = try await meetingTotals(ctx, year: ctx.year)
        return try await ctx.memo.value("groups") { try await GroupQueries.stats(ctx.db, organisationID: ctx.organisationID, year: ctx.year, totals: totals) }
    }

    /// The year's active members (memoised: several sections print them).
    static func members(_ ctx: ReportContext, year: Int) async throws -> Members {
        try await ctx.memo.value("members-\(year)") { try await members(ctx.db, organisationID: ctx.organisationID, year: year) }
    }

    /// Volunteer minutes of a year per group (nil key: time not tied to a group): meeting time of
    /// each person present plus the entries typed by staff — the same sum as `VolunteerQueries`.
    static func volunteerMinutes(_ ctx: ReportContext, year: Int) async throws -> [UUID?: Int] {
        let totals = try await meetingTotals(ctx, year: year)
        return try await ctx.memo.value("volunteer-\(year)") {
            var out: [UUID?: Int] = totals.mapValues(\.volunteerMinutes)
            let (from, to) = FrenchDate.yearBounds(year)
            let rows = try await ctx.db.sql.raw("""
            SELECT group_id, CAST(SUM(minutes) AS BIGINT) AS minutes FROM volunteer_entries
            WHERE organisation_id = \(bind: ctx.organisationID) AND date >= \(bind: from) AND date < \(bind: to) GROUP BY group_id
            """).all()
            for row in rows { out[try row.decode(column: "group_id", as: UUID?.self), default: 0] += try row.decode(column: "minutes", as: Int?.self) ?? 0 }
            return out
        }
    }

    /// Volunteer hours of a year, or nil when nothing was recorded.
    static func volunteerHours(_ ctx: ReportContext, year: Int) async throws -> Int? {
        let minutes = try await volunteerMinutes(ctx, year: year).values.reduce(0, +)
        return minutes > 0 ? Int((Double(minutes) / 60).rounded()) : nil
    }
}
