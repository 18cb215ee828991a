import Fluent
import Foundation
import GrappeDomain
import SQLKit

/// Who votes at an assembly: companies with an active membership for the year whose due is paid.
/// Honorary members hold no membership and never appear here.
enum AssemblyQueries {
    struct Voter: Sendable { let companyID: UUID; let name: String; let holder: String?; let holderEmail: String? }

    static func voters(_ db: any Database, organisationID: UUID, year: Int) async throws -> [Voter] {
        let rows = try await db.sql.raw("""
        SELECT c.id, c.name, pe.first_name || ' ' || pe.last_name AS holder, pe.email AS holder_email
        FROM memberships m JOIN companies c ON c.id = m.company_id
        JOIN dues d ON d.membership_id = m.id
        LEFT JOIN people pe ON pe.id = m.holder_id
        WHERE c.organisation_id = \(bind: organisationID) AND m.year = \(bind: year) AND m.status = 'active' AND COALESCE(d.paid, 0) >= d.amount
        ORDER BY \(unsafeRaw: SQLFrenchOrder.order("c.name"))
        """).all()
        return try rows.map {
            Voter(companyID: try $0.decode(column: "id", as: UUID.self), name: try $0.decode(column: "name", as: String.self),
                  holder: try $0.decode(column: "holder", as: String?.self), holderEmail: try $0.decode(column: "holder_email", as: String?.self))
        }
    }

    /// Every holder of an active membership of the year (the convocation goes to all of them).
    static func holders(_ db: any Database, organisationID: UUID, year: Int) async throws -> [(company: String, name: String, email: String)] {
        let memberships = try await Membership.query(on: db).filter(\.$year == year).filter(\.$status == .active)
            .join(Company.self, on: \Membership.$company.$id == \Company.$id).filter(Company.self, \.$organisation.$id == organisationID)
            .with(\.$holder).all()
        return try memberships.compactMap { m in
            let company = try m.joined(Company.self)
            if let holder = m.holder, FieldCheck.isEmail(holder.email) { return (company.name, holder.fullName, holder.email) }
            return FieldCheck.isEmail(company.email) ? (company.name, company.name, company.email) : nil
        }
    }
}
