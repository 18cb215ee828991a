import Fluent
import Foundation
import GrappeDomain
import SQLKit

/// Volunteer time of a year: meetings attended (their duration for each person present) plus
/// the entries typed by staff, totalled in SQL per person, company and group.
enum VolunteerQueries {
    struct Line: Sendable { let id: UUID; let name: String; let minutes: Int }

    /// Minutes per person (meeting time and entries), as a subquery `v(person_id, group_id, minutes)`.
    static func parts(organisationID: UUID, year: Int) -> SQLQueryString {
        let (from, to) = FrenchDate.yearBounds(year)
        return """
        (SELECT a.person_id, m.group_id, m.duration_minutes AS minutes FROM attendances a JOIN meetings m ON m.id = a.meeting_id
         WHERE m.organisation_id = \(bind: organisationID) AND a.status = 'present' AND m.status = 'held'
         AND m.starts_at >= \(bind: from) AND m.starts_at < \(bind: to)
         UNION ALL
         SELECT e.person_id, e.group_id, e.minutes FROM volunteer_entries e
         WHERE e.organisation_id = \(bind: organisationID) AND e.date >= \(bind: from) AND e.date < \(bind: to)) v
        """
    }

    static func lines(_ db: any Database, _ query: SQLQueryString) async throws -> [Line] {
        try await db.sql.raw(query).all().map {
            Line(id: try $0.decode(column: "id", as: UUID.self), name: try $0.decode(column: "name", as: String.self),
                 minutes: try $0.decode(column: "minutes", as: Int.self))
        }
    }

    static func total(_ db: any Database, organisationID: UUID, year: Int) async throws -> Int {
        let query: SQLQueryString = "SELECT CAST(COALESCE(SUM(v.minutes), 0) AS BIGINT) AS minutes FROM " + parts(organisationID: organisationID, year: year)
        return try await db.sql.raw(query).first()?.decode(column: "minutes", as: Int.self) ?? 0
    }

    static func perPerson(_ db: any Database, organisationID: UUID, year: Int) async throws -> [Line] {
        try await lines(db, """
        SELECT p.id, p.first_name || ' ' || p.last_name AS name, CAST(SUM(v.minutes) AS BIGINT) AS minutes FROM \(parts(organisationID: organisationID, year: year))
        JOIN people p ON p.id = v.person_id GROUP BY p.id, p.first_name, p.last_name ORDER BY minutes DESC, name
        """)
    }

    /// A person linked to several companies counts for each of them.
    static func perCompany(_ db: any Database, organisationID: UUID, year: Int) async throws -> [Line] {
        try await lines(db, """
        SELECT c.id, c.name AS name, CAST(SUM(v.minutes) AS BIGINT) AS minutes FROM \(parts(organisationID: organisationID, year: year))
        JOIN company_contacts cc ON cc.person_id = v.person_id JOIN companies c ON c.id = cc.company_id
        GROUP BY c.id, c.name ORDER BY minutes DESC, name
        """)
    }

    static func perGroup(_ db: any Database, organisationID: UUID, year: Int) async throws -> [Line] {
        try await lines(db, """
        SELECT g.id, g.name AS name, CAST(SUM(v.minutes) AS BIGINT) AS minutes FROM \(parts(organisationID: organisationID, year: year))
        JOIN cluster_groups g ON g.id = v.group_id GROUP BY g.id, g.name ORDER BY minutes DESC, name
        """)
    }
}
