import Fluent
import Foundation

/// The cluster as pages, mails and the report read it: an immutable copy of its row, shared
/// by every request (`Application.currentOrganisation`). Edits go through the `Organisation`
/// model, then `forgetOrganisation()`.
struct OrganisationProfile: Sendable, Equatable {
    let id: UUID
    let slug: String
    let name: String
    let fullName: String
    let address: String
    let email: String
    let phone: String
    let website: String
    let managerName: String
    let currency: String
    let timeZone: String
    let statutes: String

    init(_ row: Organisation) throws {
        id = try row.requireID()
        slug = row.slug
        name = row.name
        fullName = row.fullName
        address = row.address
        email = row.email
        phone = row.phone
        website = row.website
        managerName = row.managerName
        currency = row.currency
        timeZone = row.timeZone
        statutes = row.statutes
    }

    /// As on a Fluent model, so that reading the id reads the same everywhere.
    func requireID() throws -> UUID { id }
}
