import Fluent
import GrappeDomain
import SQLKit
import Vapor

/// One row of the member list: the company, its membership and its due for the chosen year.
struct MemberRow: Sendable {
    let id: UUID
    let name: String
    let ridet: String?
    let commune: String
    let headcount: Int
    let founding: Bool
    let category: MembershipCategory?
    let status: MembershipStatus?
    let dueID: UUID?
    let dueNumber: String?
    let dueAmount: Int?
    let paid: Int
    var domains: [String] = []

    var balance: Int? { dueAmount.map { $0 - paid } }
}

/// The member list, aggregated in SQL: one query for the page, one for the count, one for the
/// page's domains, whatever the number of rows.
enum MemberQueries {

    static func whereClause(_ filter: MemberFilter, organisationID: UUID) -> SQLQueryString {
        var clause: SQLQueryString = "c.organisation_id = \(bind: organisationID)"
        let q = filter.query.lowercased()
        if !q.isEmpty {
            let escaped = q.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            let like = "%" + escaped + "%"
            let digits = q.filter(\.isNumber)
            clause += """
             AND (LOWER(c.name) LIKE \(bind: like) ESCAPE '\\' OR LOWER(c.legal_name) LIKE \(bind: like) ESCAPE '\\'
             OR LOWER(c.email) LIKE \(bind: like) ESCAPE '\\'
            """
            if digits.count >= 3 { clause += " OR REPLACE(COALESCE(c.ridet, ''), '.', '') LIKE \(bind: "%" + digits + "%")" }
            clause += """
             OR EXISTS (SELECT 1 FROM company_contacts cc JOIN people pe ON pe.id = cc.person_id WHERE cc.company_id = c.id
             AND (LOWER(pe.first_name || ' ' || pe.last_name) LIKE \(bind: like) ESCAPE '\\' OR LOWER(pe.last_name || ' ' || pe.first_name) LIKE \(bind: like) ESCAPE '\\' OR LOWER(pe.email) LIKE \(bind: like) ESCAPE '\\')))
            """
        }
        if let category = filter.category { clause += " AND m.category = \(bind: category.rawValue)" }
        if let status = filter.status { clause += " AND m.status = \(bind: status.rawValue)" }
        if filter.withoutMembership { clause += " AND m.id IS NULL" }
        if let domain = filter.domainID {
            clause += " AND EXISTS (SELECT 1 FROM company_domains cd WHERE cd.company_id = c.id AND cd.domain_id = \(bind: domain))"
        }
        if !filter.commune.isEmpty { clause += " AND c.commune = \(bind: filter.commune)" }
        switch filter.dues {
        case .paid: clause += " AND d.id IS NOT NULL AND COALESCE(d.paid, 0) >= d.amount"
        case .unpaid: clause += " AND d.id IS NOT NULL AND COALESCE(d.paid, 0) < d.amount"
        case .missing: clause += " AND d.id IS NULL"
        case nil: break
        }
        return clause
    }

    static func from(_ filter: MemberFilter) -> SQLQueryString {
        """
        FROM companies c
        LEFT JOIN memberships m ON m.company_id = c.id AND m.year = \(bind: filter.year)
        LEFT JOIN dues d ON d.membership_id = m.id
        """
    }

    static func count(_ db: any Database, filter: MemberFilter, organisationID: UUID) async throws -> Int {
        let query: SQLQueryString = "SELECT COUNT(*) AS n " + from(filter) + " WHERE " + whereClause(filter, organisationID: organisationID)
        return try await db.sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// A page of the list and the list's length, from one query (a window count): a page past
    /// the end, which has no row to carry the count, asks again for the last page.
    static func page(_ db: any Database, filter: MemberFilter, organisationID: UUID, requested: Int?,
                     domainNames: [UUID: String]? = nil) async throws -> (rows: [MemberRow], pages: Pagination) {
        let perPage = Pagination(page: 1, total: 0).perPage
        let page = max(1, requested ?? 1)
        let (rows, total) = try await counted(db, filter: filter, organisationID: organisationID, limit: perPage, offset: (page - 1) * perPage,
                                              domainNames: domainNames)
        if rows.isEmpty, page > 1 {
            let count = try await self.count(db, filter: filter, organisationID: organisationID)
            if count > 0 { return try await self.page(db, filter: filter, organisationID: organisationID, requested: Pagination(page: page, total: count).page, domainNames: domainNames) }
        }
        return (rows, Pagination(page: page, perPage: perPage, total: total))
    }

    /// A page of rows (all rows when `limit` is nil, for the CSV export).
    static func rows(_ db: any Database, filter: MemberFilter, organisationID: UUID, limit: Int?, offset: Int = 0) async throws -> [MemberRow] {
        try await counted(db, filter: filter, organisationID: organisationID, limit: limit, offset: offset, domainNames: nil).rows
    }

    /// The rows and the number of rows of the whole list. `domainNames` (id → name), when the
    /// caller has them, saves joining the domains' table.
    private static func counted(_ db: any Database, filter: MemberFilter, organisationID: UUID, limit: Int?, offset: Int,
                                domainNames: [UUID: String]?) async throws -> (rows: [MemberRow], total: Int) {
        let direction = filter.descending ? "DESC" : "ASC"
        let order: String
        switch filter.sort {
        case .name: order = SQLFrenchOrder.order("c.name", direction)
        case .headcount: order = "c.headcount \(direction), \(SQLFrenchOrder.order("c.name"))"
        case .commune: order = "\(SQLFrenchOrder.order("c.commune", direction)), \(SQLFrenchOrder.order("c.name"))"
        case .balance: order = "(COALESCE(d.amount, 0) - COALESCE(d.paid, 0)) \(direction), \(SQLFrenchOrder.order("c.name"))"
        }
        var query: SQLQueryString = """
        SELECT c.id, c.name, c.ridet, c.commune, c.headcount, c.founding, m.category, m.status,
        d.id AS due_id, d.number AS due_number, d.amount AS due_amount, COALESCE(d.paid, 0) AS paid, COUNT(*) OVER () AS total_rows\u{20}
        """
        query += from(filter) + " WHERE " + whereClause(filter, organisationID: organisationID)
        query += " ORDER BY \(unsafeRaw: order), c.id"
        if let limit { query += " LIMIT \(literal: limit) OFFSET \(literal: max(0, offset))" }
        let found = try await db.sql.raw(query).all()
        let total = try found.first?.decode(column: "total_rows", as: Int.self) ?? 0
        var rows = try found.map { row in
            MemberRow(
                id: try row.decode(column: "id", as: UUID.self),
                name: try row.decode(column: "name", as: String.self),
                ridet: try row.decode(column: "ridet", as: String?.self),
                commune: try row.decode(column: "commune", as: String.self),
                headcount: try row.decode(column: "headcount", as: Int.self),
                founding: try row.decode(column: "founding", as: Bool.self),
                category: try row.decode(column: "category", as: String?.self).flatMap(MembershipCategory.init(rawValue:)),
                status: try row.decode(column: "status", as: String?.self).flatMap(MembershipStatus.init(rawValue:)),
                dueID: try row.decode(column: "due_id", as: UUID?.self),
                dueNumber: try row.decode(column: "due_number", as: String?.self),
                dueAmount: try row.decode(column: "due_amount", as: Int?.self),
                paid: try row.decode(column: "paid", as: Int.self))
        }
        let domains = try await self.domainNames(db, companyIDs: rows.map(\.id), names: domainNames)
        for index in rows.indices { rows[index].domains = domains[rows[index].id] ?? [] }
        return (rows, total)
    }

    /// Domain names per company, in one query (the links alone when the names are given).
    static func domainNames(_ db: any Database, companyIDs: [UUID], names: [UUID: String]? = nil) async throws -> [UUID: [String]] {
        guard !companyIDs.isEmpty else { return [:] }
        var out: [UUID: [String]] = [:]
        if let names {
            let rows = try await db.sql.raw("SELECT company_id, domain_id FROM company_domains WHERE company_id IN (\(binds: companyIDs))").all()
            for row in rows {
                if let name = names[try row.decode(column: "domain_id", as: UUID.self)] {
                    out[try row.decode(column: "company_id", as: UUID.self), default: []].append(name)
                }
            }
            return out.mapValues { $0.sortedInFrench() }
        }
        for chunk in stride(from: 0, to: companyIDs.count, by: 500).map({ Array(companyIDs[$0..<min($0 + 500, companyIDs.count)]) }) {
            let links = try await CompanyDomain.query(on: db).filter(\.$company.$id ~~ chunk)
                .join(CompetenceDomain.self, on: \CompanyDomain.$domain.$id == \CompetenceDomain.$id)
                .all()
            for link in links {
                let name = try link.joined(CompetenceDomain.self).name
                out[link.$company.id, default: []].append(name)
            }
        }
        return out.mapValues { $0.sortedInFrench() }
    }

    /// The year the list opens on: the latest year with memberships, else the current year.
    static func defaultYear(_ db: any Database, now: Date) async throws -> Int {
        try await Membership.query(on: db).max(\.$year) ?? FrenchDate.year(of: now)
    }

    /// `requested` when given, else the default year.
    static func year(_ requested: Int?, db: any Database, now: Date) async throws -> Int {
        if let requested { return requested }
        return try await defaultYear(db, now: now)
    }

    static func years(_ db: any Database, organisationID: UUID) async throws -> [Int] {
        let rows = try await db.sql.raw("SELECT DISTINCT m.year FROM memberships m JOIN companies c ON c.id = m.company_id WHERE c.organisation_id = \(bind: organisationID) ORDER BY m.year DESC").all()
        return try rows.map { try $0.decode(column: "year", as: Int.self) }
    }
}
