import Fluent
import GrappeDomain
import SQLKit
import Vapor

/// A company as the directory shows it.
struct DirectoryEntry: Sendable {
    let company: Company
    let domains: [String]
    let isMember: Bool
}

/// The public directory: companies that consented to a public profile, members or not.
/// Candidates are filtered in SQL, scored for relevance in `DirectorySearch`, then one page is
/// loaded with its domains: a fixed number of queries whatever the size of the directory.
enum DirectoryQueries {
    /// The member companies: an active membership this year or last year (last year's counts
    /// until the company renews, as for the dues standing), so that one early admission for the
    /// new year does not turn every other member into a non-member.
    static func memberIDs(_ db: any Database, organisationID: UUID, now: Date) async throws -> Set<UUID> {
        let year = FrenchDate.year(of: now)
        let rows = try await db.sql.raw(memberSubquery(organisationID: organisationID, year: year)).all()
        return Set(try rows.map { try $0.decode(column: "company_id", as: UUID.self) })
    }

    static func memberSubquery(organisationID: UUID, year: Int) -> SQLQueryString {
        """
        SELECT m.company_id FROM memberships m JOIN companies mc ON mc.id = m.company_id
        WHERE mc.organisation_id = \(bind: organisationID) AND m.year >= \(bind: year - 1) AND m.year <= \(bind: year)
        AND m.status = \(bind: MembershipStatus.active.rawValue)
        """
    }

    /// Ids of the matching companies, best first.
    static func matches(_ db: any Database, filter: DirectoryFilter, organisationID: UUID, now: Date) async throws -> [UUID] {
        let terms = DirectorySearch.terms(filter.query)
        var query: SQLQueryString = """
            SELECT c.id, c.name, c.search_text, c.commune FROM companies c
            WHERE c.organisation_id = \(bind: organisationID) AND c.public_profile = \(bind: true)
            """
        for term in terms {
            let communes = DirectorySearch.communes(matching: term)
            query += " AND (c.search_text LIKE \(bind: "%" + term + "%")"
            if !communes.isEmpty { query += " OR c.commune IN (\(binds: communes))" }
            query += ")"
        }
        if !filter.commune.isEmpty { query += " AND c.commune = \(bind: filter.commune)" }
        if let band = filter.band {
            query += " AND c.headcount >= \(bind: band.range.lowerBound)"
            if band.range.upperBound < Int.max { query += " AND c.headcount <= \(bind: band.range.upperBound)" }
        }
        if let domain = filter.domainID {
            query += " AND EXISTS (SELECT 1 FROM company_domains cd WHERE cd.company_id = c.id AND cd.domain_id = \(bind: domain))"
        }
        if let members = filter.members {
            query += members ? " AND c.id IN (" : " AND c.id NOT IN ("
            query += memberSubquery(organisationID: organisationID, year: FrenchDate.year(of: now)) + ")"
        }
        let rows = try await db.sql.raw(query).all()
        let scored = try rows.map { row -> (UUID, String, Int) in
            let name = try row.decode(column: "name", as: String.self)
            let text = DirectorySearch.text(try row.decode(column: "search_text", as: String?.self) ?? TextFolding.fold(name),
                                            commune: try row.decode(column: "commune", as: String?.self) ?? "")
            return (try row.decode(column: "id", as: UUID.self), TextFolding.fold(name),
                    DirectorySearch.score(terms: terms, name: name, searchText: text))
        }
        return scored.filter { $0.2 > 0 }
            .sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.1 < $1.1 }
            .map(\.0)
    }

    /// Full entries for the given ids, in the same order.
    static func entries(_ db: any Database, ids: [UUID], organisationID: UUID, now: Date) async throws -> [DirectoryEntry] {
        guard !ids.isEmpty else { return [] }
        let companies = try await Company.query(on: db).filter(\.$id ~~ ids).all()
        let byID = Dictionary(uniqueKeysWithValues: companies.compactMap { c in c.id.map { ($0, c) } })
        let domains = try await MemberQueries.domainNames(db, companyIDs: ids)
        let members = try await memberIDs(db, organisationID: organisationID, now: now)
        return ids.compactMap { id in
            byID[id].map { DirectoryEntry(company: $0, domains: domains[id] ?? [], isMember: members.contains(id)) }
        }
    }

    /// A listed company by its slug, or nil when absent or not public.
    static func listed(_ db: any Database, slug: String, organisationID: UUID, now: Date) async throws -> DirectoryEntry? {
        guard slug.count <= 120, let company = try await Company.query(on: db).filter(\.$organisation.$id == organisationID)
            .filter(\.$slug == slug).filter(\.$publicProfile == true).first() else { return nil }
        return try await entries(db, ids: [try company.requireID()], organisationID: organisationID, now: now).first
    }

    /// Public companies, the least recently verified first (never verified at the top).
    static func stalest(_ db: any Database, organisationID: UUID, limit: Int, offset: Int) async throws -> [Company] {
        let rows = try await db.sql.raw("""
            SELECT id FROM companies WHERE organisation_id = \(bind: organisationID) AND public_profile = \(bind: true)
            ORDER BY CASE WHEN verified_at IS NULL THEN 0 ELSE 1 END, verified_at, \(unsafeRaw: SQLFrenchOrder.order("name")), id
            LIMIT \(literal: limit) OFFSET \(literal: max(0, offset))
            """).all()
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        let companies = try await Company.query(on: db).filter(\.$id ~~ ids).all()
        let byID = Dictionary(uniqueKeysWithValues: companies.compactMap { c in c.id.map { ($0, c) } })
        return ids.compactMap { byID[$0] }
    }

    static func publicCount(_ db: any Database, organisationID: UUID) async throws -> Int {
        try await Company.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$publicProfile == true).count()
    }

    /// Profiles not verified for a year or more (or never).
    static func staleCount(_ db: any Database, organisationID: UUID, now: Date) async throws -> Int {
        let limit = now.addingTimeInterval(-365 * 86400)
        return try await Company.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$publicProfile == true)
            .group(.or) { $0.filter(\.$verifiedAt == nil).filter(\.$verifiedAt < limit) }.count()
    }
}
