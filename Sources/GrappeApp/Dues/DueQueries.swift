import Fluent
import GrappeDomain
import SQLKit
import Vapor

/// A due with what has been paid on it, computed in SQL.
struct DueSummary: Sendable {
    let id: UUID
    let number: String
    let year: Int
    let companyID: UUID
    let companyName: String
    let category: MembershipCategory
    let amount: Int
    let paid: Int
    let dueOn: Date
    let lastRemindedAt: Date?
    let reminderCount: Int

    var balance: Int { amount - paid }
    var isPaid: Bool { balance <= 0 }
}

/// Totals for one category (or all) in a year.
struct DuesTotals: Sendable, Equatable {
    var count = 0
    var expected = 0
    var received = 0
    var paidCount = 0
    var outstanding: Int { expected - received }

    /// All categories together.
    static func sum(_ totals: some Sequence<DuesTotals>) -> DuesTotals {
        totals.reduce(into: DuesTotals()) { all, t in
            all.count += t.count; all.expected += t.expected; all.received += t.received; all.paidCount += t.paidCount
        }
    }
}

enum DueQueries {

    static let select: SQLQueryString = """
    SELECT d.id, d.number, d.year, d.company_id, c.name AS company_name, d.category, d.amount, d.due_on, d.last_reminded_at,
    d.reminder_count, COALESCE(d.paid, 0) AS paid
    FROM dues d JOIN companies c ON c.id = d.company_id
    """

    static func decode(_ row: any SQLRow) throws -> DueSummary {
        DueSummary(
            id: try row.decode(column: "id", as: UUID.self),
            number: try row.decode(column: "number", as: String.self),
            year: try row.decode(column: "year", as: Int.self),
            companyID: try row.decode(column: "company_id", as: UUID.self),
            companyName: try row.decode(column: "company_name", as: String.self),
            category: MembershipCategory(rawValue: try row.decode(column: "category", as: String.self)) ?? .core,
            amount: try row.decode(column: "amount", as: Int.self),
            paid: try row.decode(column: "paid", as: Int.self),
            dueOn: try row.decode(column: "due_on", as: Date.self),
            lastRemindedAt: try row.decode(column: "last_reminded_at", as: Date?.self),
            reminderCount: try row.decode(column: "reminder_count", as: Int.self))
    }

    static func summaries(_ db: any Database, companyID: UUID) async throws -> [DueSummary] {
        try await db.sql.raw(select + " WHERE d.company_id = \(bind: companyID) ORDER BY d.year DESC").all().map(decode)
    }

    static func summaries(_ db: any Database, dueIDs: [UUID]) async throws -> [DueSummary] {
        guard !dueIDs.isEmpty else { return [] }
        return try await db.sql.raw(select + " WHERE d.id IN (\(binds: dueIDs))").all().map(decode)
    }

    static func summary(_ db: any Database, dueID: UUID) async throws -> DueSummary? {
        try await db.sql.raw(select + " WHERE d.id = \(bind: dueID)").first().map(decode)
    }

    enum State: String, CaseIterable, Sendable {
        case paid, unpaid
        var label: String { self == .paid ? "Réglées" : "À régler" }
    }

    static func condition(organisationID: UUID, year: Int?, state: State?) -> SQLQueryString {
        var clause: SQLQueryString = " WHERE d.organisation_id = \(bind: organisationID)"
        if let year { clause += " AND d.year = \(bind: year)" }
        switch state {
        case .paid: clause += " AND COALESCE(d.paid, 0) >= d.amount"
        case .unpaid: clause += " AND COALESCE(d.paid, 0) < d.amount"
        case nil: break
        }
        return clause
    }

    static func list(_ db: any Database, organisationID: UUID, year: Int?, state: State?, limit: Int?, offset: Int = 0,
                     order: String = "d.year DESC, d.sequence ASC") async throws -> [DueSummary] {
        var query = select + condition(organisationID: organisationID, year: year, state: state) + " ORDER BY \(unsafeRaw: order)"
        if let limit { query += " LIMIT \(literal: limit) OFFSET \(literal: offset)" }
        return try await db.sql.raw(query).all().map(decode)
    }

    static func count(_ db: any Database, organisationID: UUID, year: Int?, state: State?) async throws -> Int {
        let query: SQLQueryString = """
        SELECT COUNT(*) AS n FROM dues d
        """ + condition(organisationID: organisationID, year: year, state: state)
        return try await db.sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Expected, received and counts per category for a year, in one query.
    static func totals(_ db: any Database, organisationID: UUID, year: Int) async throws -> [MembershipCategory: DuesTotals] {
        let query: SQLQueryString = """
        SELECT d.category, COUNT(*) AS n, CAST(SUM(d.amount) AS BIGINT) AS expected, CAST(SUM(CASE WHEN COALESCE(d.paid, 0) > d.amount THEN d.amount ELSE COALESCE(d.paid, 0) END) AS BIGINT) AS received,
        CAST(SUM(CASE WHEN COALESCE(d.paid, 0) >= d.amount THEN 1 ELSE 0 END) AS BIGINT) AS paid_count
        FROM dues d
        WHERE d.organisation_id = \(bind: organisationID) AND d.year = \(bind: year)
        GROUP BY d.category
        """
        var out: [MembershipCategory: DuesTotals] = [:]
        for row in try await db.sql.raw(query).all() {
            guard let category = MembershipCategory(rawValue: try row.decode(column: "category", as: String.self)) else { continue }
            out[category] = DuesTotals(count: try row.decode(column: "n", as: Int.self),
                                       expected: try row.decode(column: "expected", as: Int?.self) ?? 0,
                                       received: try row.decode(column: "received", as: Int?.self) ?? 0,
                                       paidCount: try row.decode(column: "paid_count", as: Int?.self) ?? 0)
        }
        return out
    }

    static func years(_ db: any Database, organisationID: UUID) async throws -> [Int] {
        let rows = try await db.sql.raw("SELECT DISTINCT year FROM dues WHERE organisation_id = \(bind: organisationID) ORDER BY year DESC").all()
        return try rows.map { try $0.decode(column: "year", as: Int.self) }
    }

    /// Active memberships of the year without a due (what the call would issue).
    static func pendingMemberships(_ db: any Database, organisationID: UUID, year: Int) async throws -> Int {
        let query: SQLQueryString = """
        SELECT COUNT(*) AS n FROM memberships m JOIN companies c ON c.id = m.company_id
        LEFT JOIN dues d ON d.membership_id = m.id
        WHERE c.organisation_id = \(bind: organisationID) AND m.year = \(bind: year) AND m.status = 'active' AND d.id IS NULL
        """
        return try await db.sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
