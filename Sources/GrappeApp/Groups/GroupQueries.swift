import Fluent
import Foundation
import GrappeDomain
import SQLKit

/// One group's figures for a year.
struct GroupYearStats: Sendable, Equatable {
    var meetingsHeld = 0
    var averageAttendance: Double? = nil
    var members = 0
    var activeMembers = 0
    var volunteerMinutes = 0
}

/// Aggregates over groups and meetings, in SQL: a fixed number of queries whatever the size.
enum GroupQueries {
    /// Held meetings of the year with their number of people present, one row per meeting.
    struct HeldMeeting: Sendable { let groupID: UUID?; let startsAt: Date; let durationMinutes: Int; let present: Int }

    static func heldMeetings(_ db: any Database, organisationID: UUID, year: Int, groupID: UUID? = nil) async throws -> [HeldMeeting] {
        let (from, to) = FrenchDate.yearBounds(year)
        var query: SQLQueryString = """
        SELECT m.group_id, m.starts_at, m.duration_minutes, COUNT(a.meeting_id) AS present FROM meetings m
        LEFT JOIN attendances a ON a.meeting_id = m.id AND a.status = 'present'
        WHERE m.organisation_id = \(bind: organisationID) AND m.status = 'held' AND m.starts_at >= \(bind: from) AND m.starts_at < \(bind: to)
        """
        if let groupID { query += " AND m.group_id = \(bind: groupID)" }
        query += " GROUP BY m.id, m.group_id, m.starts_at, m.duration_minutes"
        return try await db.sql.raw(query).all().map { row in
            HeldMeeting(groupID: try row.decode(column: "group_id", as: UUID?.self), startsAt: try row.decode(column: "starts_at", as: Date.self),
                        durationMinutes: try row.decode(column: "duration_minutes", as: Int.self), present: try row.decode(column: "present", as: Int.self))
        }
    }

    /// Held meetings of a year per group (nil: meetings with institutions): how many, people
    /// present over all of them, and volunteer minutes (each meeting's duration per person
    /// present). One aggregate query: a few rows whatever the number of attendance rows.
    struct MeetingTotals: Sendable, Equatable { var meetings = 0; var present = 0; var volunteerMinutes = 0 }

    static func meetingTotals(_ db: any Database, organisationID: UUID, year: Int) async throws -> [UUID?: MeetingTotals] {
        let (from, to) = FrenchDate.yearBounds(year)
        let rows = try await db.sql.raw("""
        SELECT x.group_id, COUNT(*) AS meetings, CAST(SUM(x.present) AS BIGINT) AS present, CAST(SUM(x.present * x.duration_minutes) AS BIGINT) AS minutes
        FROM (SELECT m.id, m.group_id, m.duration_minutes, COUNT(a.meeting_id) AS present FROM meetings m
              LEFT JOIN attendances a ON a.meeting_id = m.id AND a.status = 'present'
              WHERE m.organisation_id = \(bind: organisationID) AND m.status = 'held' AND m.starts_at >= \(bind: from) AND m.starts_at < \(bind: to)
              GROUP BY m.id, m.group_id, m.duration_minutes) x
        GROUP BY x.group_id
        """).all()
        var out: [UUID?: MeetingTotals] = [:]
        for row in rows {
            out[try row.decode(column: "group_id", as: UUID?.self)] = MeetingTotals(
                meetings: try row.decode(column: "meetings", as: Int.self), present: try row.decode(column: "present", as: Int?.self) ?? 0,
                volunteerMinutes: try row.decode(column: "minutes", as: Int?.self) ?? 0)
        }
        return out
    }

    /// Figures per group for a year: meetings held, average attendance, members, volunteer time.
    /// `totals` spares a second scan of the attendance when the caller already has them.
    static func stats(_ db: any Database, organisationID: UUID, year: Int, totals known: [UUID?: MeetingTotals]? = nil) async throws -> [UUID: GroupYearStats] {
        var out: [UUID: GroupYearStats] = [:]
        let members = try await db.sql.raw("""
        SELECT gm.group_id, COUNT(*) AS n, CAST(SUM(CASE WHEN gm.active = \(true) THEN 1 ELSE 0 END) AS BIGINT) AS active
        FROM group_members gm JOIN cluster_groups g ON g.id = gm.group_id
        WHERE g.organisation_id = \(bind: organisationID) AND gm.status = 'member' GROUP BY gm.group_id
        """).all()
        for row in members {
            let id = try row.decode(column: "group_id", as: UUID.self)
            out[id, default: .init()].members = try row.decode(column: "n", as: Int.self)
            out[id, default: .init()].activeMembers = try row.decode(column: "active", as: Int?.self) ?? 0
        }
        var totals = known ?? [:]
        if known == nil { totals = try await meetingTotals(db, organisationID: organisationID, year: year) }
        for (groupID, t) in totals {
            guard let groupID else { continue }
            out[groupID, default: .init()].meetingsHeld = t.meetings
            out[groupID, default: .init()].averageAttendance = MeetingStats.averageAttendance(present: t.present, meetings: t.meetings)
            out[groupID, default: .init()].volunteerMinutes = t.volunteerMinutes
        }
        return out
    }

    /// Meetings with institutions in a year, counted per institution.
    static func institutionCounts(_ db: any Database, organisationID: UUID, year: Int) async throws -> [(String, Int)] {
        let (from, to) = FrenchDate.yearBounds(year)
        let rows = try await db.sql.raw("""
        SELECT institution, COUNT(*) AS n FROM meetings
        WHERE organisation_id = \(bind: organisationID) AND group_id IS NULL AND institution <> '' AND status <> 'cancelled'
        AND starts_at >= \(bind: from) AND starts_at < \(bind: to)
        GROUP BY institution ORDER BY n DESC, institution
        """).all()
        return try rows.map { (try $0.decode(column: "institution", as: String.self), try $0.decode(column: "n", as: Int.self)) }
    }
}
