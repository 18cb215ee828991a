import Foundation
import Fluent
import GrappeDomain
import SQLKit

/// The filtered member list as CSV, in the import format (UTF-8 with BOM, `;`).
enum MemberExport {
    static func csv(_ db: any Database, filter: MemberFilter, organisationID: UUID) async throws -> String {
        let rows = try await MemberQueries.rows(db, filter: filter, organisationID: organisationID, limit: nil)
        let ids = rows.map(\.id)
        var companies: [UUID: Company] = [:]
        var holders: [UUID: Person] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            for company in try await Company.query(on: db).filter(\.$id ~~ chunk).all() { companies[company.id!] = company }
            let memberships = try await Membership.query(on: db).filter(\.$company.$id ~~ chunk).filter(\.$year == filter.year)
                .with(\.$holder).all()
            for m in memberships { if let holder = m.holder { holders[m.$company.id] = holder } }
        }
        let lines: [[String]] = rows.compactMap { row in
            guard let c = companies[row.id] else { return nil }
            let holder = holders[row.id]
            return [
                c.name, c.legalName, c.ridet ?? "", c.address, c.commune, c.website, c.email, c.phone,
                String(c.headcount), row.category?.label ?? "", row.status?.label ?? "", row.domains.joined(separator: "|"),
                c.founding ? "oui" : "non", c.publicProfile ? "oui" : "non", c.about,
                holder?.firstName ?? "", holder?.lastName ?? "", holder?.email ?? "", holder?.gender.map { $0 == .female ? "F" : ($0 == .male ? "H" : "autre") } ?? "",
            ]
        }
        return CSVTable.write(header: MemberCSV.header, rows: lines, keepAsText: ["ridet", "telephone"])
    }
}
