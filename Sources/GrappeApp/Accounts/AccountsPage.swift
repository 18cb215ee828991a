import Fluent
import Foundation
import GrappeDomain

/// The logins of the organisation as the accounts page lists them, read by `load` and drawn
/// by `AccountsView`: every user, and for member contacts the companies they represent.
struct AccountsPage: Sendable {
    let users: [User]
    /// "Cagou, Skazy" by person id.
    let companies: [UUID: String]

    static func load(_ db: any Database, organisationID orgID: UUID) async throws -> AccountsPage {
        let users = try await User.query(on: db).filter(\.$organisation.$id == orgID).sort(\.$role).sort(\.$email).all()
        let personIDs = users.compactMap { $0.$person.id }
        let links = personIDs.isEmpty ? [] : try await CompanyContact.query(on: db).filter(\.$person.$id ~~ personIDs).with(\.$company).all()
        let companies = Dictionary(grouping: links, by: { $0.$person.id }).mapValues { $0.map(\.company.name).sortedInFrench().joined(separator: ", ") }
        return AccountsPage(users: users, companies: companies)
    }
}
