import Fluent
import GrappeDomain
import SQLKit
import Vapor

/// Which companies are up to date with their dues (`DuesStanding`), in one query.
enum DuesStandingQueries {
    /// Each company's verdict, with the organisation's grace period.
    static func verdicts(_ db: any Database, companyIDs: Set<UUID>, graceDays: Int, now: Date) async throws -> [UUID: DuesStanding.Verdict] {
        guard !companyIDs.isEmpty else { return [:] }
        let ids = Array(companyIDs)
        let rows = try await db.sql.raw("""
            SELECT m.company_id, m.year, m.status, d.id AS due_id, d.amount, d.due_on, COALESCE(d.paid, 0) AS paid
            FROM memberships m LEFT JOIN dues d ON d.membership_id = m.id
            WHERE m.company_id IN (\(binds: ids))
            """).all()
        var lines: [UUID: [DuesStanding.Line]] = Dictionary(uniqueKeysWithValues: ids.map { ($0, []) })
        for row in rows {
            let id = try row.decode(column: "company_id", as: UUID.self)
            let status = try row.decode(column: "status", as: String.self)
            lines[id, default: []].append(DuesStanding.Line(
                year: try row.decode(column: "year", as: Int.self),
                active: status == MembershipStatus.active.rawValue,
                dueAmount: try row.decode(column: "amount", as: Int?.self),
                paid: try row.decode(column: "paid", as: Int.self),
                dueOn: try row.decode(column: "due_on", as: Date?.self),
                dueID: try row.decode(column: "due_id", as: UUID?.self),
                ended: status == MembershipStatus.lapsed.rawValue || status == MembershipStatus.resigned.rawValue))
        }
        let year = FrenchDate.year(of: now)
        return lines.mapValues { DuesStanding.verdict($0, currentYear: year, today: now, graceDays: graceDays, calendar: FrenchDate.calendar) }
    }

    static func upToDate(_ db: any Database, companyIDs: Set<UUID>, graceDays: Int, now: Date) async throws -> Set<UUID> {
        Set(try await verdicts(db, companyIDs: companyIDs, graceDays: graceDays, now: now).filter(\.value.isUpToDate).keys)
    }
}
