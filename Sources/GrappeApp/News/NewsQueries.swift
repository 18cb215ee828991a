import Fluent
import Foundation

/// The reads behind the news pages.
enum NewsQueries {
    /// One page of the published posts, newest first, with their company.
    static func published(_ db: any Database, organisationID orgID: UUID, page: Int?, perPage: Int = 10) async throws -> (posts: [NewsPost], pages: Pagination) {
        let query = NewsPost.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$status == .published)
        let pages = Pagination(page: page, perPage: perPage, total: try await query.count())
        return (try await query.sort(\.$publishedAt, .descending).with(\.$company).range(pages.offset..<(pages.offset + pages.perPage)).all(), pages)
    }

    static func bySlug(_ db: any Database, organisationID orgID: UUID, slug: String) async throws -> NewsPost? {
        guard slug.count <= 160 else { return nil }
        return try await NewsPost.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$slug == slug).with(\.$company).first()
    }

    /// The latest posts of every state, for moderation.
    static func recent(_ db: any Database, organisationID orgID: UUID, limit: Int = 200) async throws -> [NewsPost] {
        try await NewsPost.query(on: db).filter(\.$organisation.$id == orgID).with(\.$company).with(\.$author)
            .sort(\.$createdAt, .descending).limit(limit).all()
    }
}
