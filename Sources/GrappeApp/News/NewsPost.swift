import Fluent
import Foundation

/// A news post: by staff (published at once) or by a member about itself (moderated).
final class NewsPost: Model, @unchecked Sendable {
    static let schema = "news_posts"

    enum Status: String, Codable, CaseIterable, Sendable {
        case pending, published, rejected
        var label: String {
            switch self {
            case .pending: "En attente de modération"
            case .published: "Publiée"
            case .rejected: "Refusée"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "slug") var slug: String
    @Field(key: "title") var title: String
    /// Markdown, rendered by `Markdown.html` (escapes everything).
    @Field(key: "body") var body: String
    @OptionalParent(key: "author_id") var author: User?
    @OptionalParent(key: "company_id") var company: Company?
    @Enum(key: "status") var status: Status
    @Field(key: "moderation_note") var moderationNote: String
    @OptionalField(key: "published_at") var publishedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(organisationID: UUID, authorID: UUID?, companyID: UUID?) {
        self.$organisation.id = organisationID
        self.$author.id = authorID
        self.$company.id = companyID
        self.status = .pending
        self.moderationNote = ""
    }
}
