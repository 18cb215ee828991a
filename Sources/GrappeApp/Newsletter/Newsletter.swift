import Fluent
import Foundation

/// An issue of the newsletter: Markdown text, an audience, then one outbox message per recipient.
final class Newsletter: Model, @unchecked Sendable {
    static let schema = "newsletters"

    enum Status: String, Codable, CaseIterable, Sendable {
        case draft, sent
        var label: String { self == .draft ? "Brouillon" : "Envoyée" }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    /// Every contact of a member company with a membership of the current year.
    @Field(key: "audience_members") var audienceMembers: Bool
    /// Confirmed public subscribers.
    @Field(key: "audience_subscribers") var audienceSubscribers: Bool
    /// Group ids (commissions, clubs), comma-separated: their active members.
    @Field(key: "audience_groups") var audienceGroups: String
    @Enum(key: "status") var status: Status
    @Field(key: "recipient_count") var recipientCount: Int
    @OptionalParent(key: "created_by_id") var createdBy: User?
    @OptionalField(key: "sent_at") var sentAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(organisationID: UUID, createdBy: UUID?) {
        self.$organisation.id = organisationID
        self.$createdBy.id = createdBy
        self.subject = ""
        self.body = ""
        self.audienceMembers = false
        self.audienceSubscribers = false
        self.audienceGroups = ""
        self.status = .draft
        self.recipientCount = 0
    }

    var groupIDs: [UUID] { audienceGroups.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
}

/// An address that receives (or no longer receives) the newsletter. Public sign-ups start
/// pending until the link in the confirmation email is followed; member contacts get a row at
/// their first newsletter so that their unsubscribe link works.
final class Subscriber: Model, @unchecked Sendable {
    static let schema = "newsletter_subscribers"

    enum Status: String, Codable, CaseIterable, Sendable {
        case pending, confirmed, unsubscribed
        var label: String {
            switch self {
            case .pending: "En attente de confirmation"
            case .confirmed: "Abonné"
            case .unsubscribed: "Désabonné"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "email") var email: String
    @Field(key: "token") var token: String
    @Enum(key: "status") var status: Status
    /// Signed up on the public form (as opposed to a member contact's row).
    @Field(key: "public_list") var publicList: Bool
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @OptionalField(key: "unsubscribed_at") var unsubscribedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(organisationID: UUID, email: String, status: Status, publicList: Bool) {
        self.$organisation.id = organisationID
        self.email = email
        self.token = Tokens.random(bytes: 24)
        self.status = status
        self.publicList = publicList
    }
}
