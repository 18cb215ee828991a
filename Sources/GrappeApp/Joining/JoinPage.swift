import Fluent
import Foundation
import GrappeDomain

/// What the public join page shows besides the form, read by `load` and drawn by `JoinView`:
/// the year's fee grid (if published) and the competence domains to tick.
struct JoinPage: Sendable {
    let organisationName: String
    let year: Int
    let grid: FeeGrid?
    let domains: [CompetenceDomain]

    static func load(_ db: any Database, organisationID orgID: UUID, organisationName: String, year: Int) async throws -> JoinPage {
        JoinPage(organisationName: organisationName, year: year,
                 grid: try await JoinQuote.schedule(db, organisationID: orgID, year: year)?.1,
                 domains: try await CompetenceDomain.query(on: db).filter(\.$organisation.$id == orgID).all().sortedInFrench(by: \.name))
    }
}
