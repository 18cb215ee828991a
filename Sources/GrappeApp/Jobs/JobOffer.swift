import Fluent
import Foundation
import GrappeDomain

/// A job or internship offer posted by a member company.
final class JobOffer: Model, @unchecked Sendable {
    static let schema = "job_offers"

    enum Status: String, Codable, CaseIterable, Sendable {
        case published, hidden
        var label: String { self == .published ? "Publiée" : "Masquée par la modération" }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Parent(key: "company_id") var company: Company
    @OptionalParent(key: "posted_by_id") var postedBy: User?
    @Field(key: "title") var title: String
    @Enum(key: "kind") var kind: JobKind
    @Enum(key: "contract") var contract: JobContract
    @Field(key: "commune") var commune: String
    @Field(key: "description") var about: String
    @Field(key: "how_to_apply") var howToApply: String
    @Field(key: "expires_at") var expiresAt: Date
    @Enum(key: "status") var status: Status
    @Field(key: "moderation_note") var moderationNote: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(organisationID: UUID, companyID: UUID, postedBy: UUID?) {
        self.$organisation.id = organisationID
        self.$company.id = companyID
        self.$postedBy.id = postedBy
        self.status = .published
        self.moderationNote = ""
    }

    func isLive(at now: Date) -> Bool { status == .published && expiresAt > now }
}
