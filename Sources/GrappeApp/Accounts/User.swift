import Fluent
import Foundation

/// A login. Member contacts are linked to a person, whose company links decide what they see.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "email") var email: String
    @Field(key: "password_hash") var passwordHash: String
    @Enum(key: "role") var role: Role
    @Field(key: "display_name") var displayName: String
    @OptionalParent(key: "person_id") var person: Person?
    @Field(key: "active") var active: Bool
    /// For a charity's account: the charity.
    @OptionalParent(key: "charity_id") var charity: Charity?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "last_login_at") var lastLoginAt: Date?
    /// Secret of the personal calendar feed; reset to revoke old links.
    @OptionalField(key: "calendar_token") var calendarToken: String?
    /// Raised by a password reset: sessions opened under an earlier version are over.
    @Field(key: "session_version") var sessionVersion: Int

    init() {}

    init(organisationID: UUID, email: String, passwordHash: String, role: Role, displayName: String, personID: UUID? = nil) {
        self.$organisation.id = organisationID
        self.email = email.lowercased()
        self.passwordHash = passwordHash
        self.role = role
        self.displayName = displayName
        self.$person.id = personID
        self.active = true
        self.sessionVersion = 0
    }
}
