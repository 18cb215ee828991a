import Fluent
import Foundation
import GrappeDomain

/// What the directory's management page shows, read by `load` and drawn by
/// `DirectoryAdminView`: the pending requests, and one page of public profiles, the least
/// recently verified first.
struct DirectoryAdminPage: Sendable {
    let requests: [DirectoryRequest]
    let stale: [Company]
    let pages: Pagination

    /// `page`: the page of profiles asked for (`Pagination.requestedPage`).
    static func load(_ db: any Database, organisationID orgID: UUID, page: Int?) async throws -> DirectoryAdminPage {
        let requests = try await DirectoryRequest.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$status == .pending)
            .with(\.$company).sort(\.$createdAt).all()
        let total = try await DirectoryQueries.publicCount(db, organisationID: orgID)
        let pages = Pagination(page: page, perPage: 30, total: total)
        let stale = try await DirectoryQueries.stalest(db, organisationID: orgID, limit: pages.perPage, offset: pages.offset)
        return DirectoryAdminPage(requests: requests, stale: stale, pages: pages)
    }
}
