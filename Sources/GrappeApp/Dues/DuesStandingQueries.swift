import Fluent
import GrappeDomain
import SQLKit
import Vapor

/// Which companies are up to date with their dues (`DuesStanding`), in one query.
enum DuesStandingQueries {
    static func upToDate(_ db: any Database, companyIDs: Set<UUID>, now: Date) async throws -> Set<UUID> {
        guard !companyIDs.isEmpty else { return [] }
        let ids = Array(companyIDs)
        let rows = try await db.sql.raw("""
            SELECT m.company_id, m.year, m.status, d.amount, COALESCE(d.paid, 0) AS paid
            FROM memberships m LEFT JOIN dues d ON d.membership_id = m.id
            WHERE m.company_id IN (\(binds: ids))
            """).all()
        var lines: [UUID: [DuesStanding.Line]] = [:]
        for row in rows {
            let id = try row.decode(column: "company_id", as: UUID.self)
            lines[id, default: []].append(DuesStanding.Line(
                year: try row.decode(column: "year", as: Int.self),
                active: try row.decode(column: "status", as: String.self) == MembershipStatus.active.rawValue,
                dueAmount: try row.decode(column: "amount", as: Int?.self),
                paid: try row.decode(column: "paid", as: Int.self)))
        }
        let year = FrenchDate.year(of: now)
        return Set(lines.filter { DuesStanding.isUpToDate($0.value, currentYear: year) }.keys)
    }
}
