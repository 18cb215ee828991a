import Fluent
import Foundation

/// Who changed which record, when, and what changed (a JSON object of field → [before, after]).
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @OptionalParent(key: "user_id") var user: User?
    @Field(key: "actor") var actor: String
    @Field(key: "entity") var entity: String
    @Field(key: "entity_id") var entityID: UUID
    @Field(key: "action") var action: String
    @Field(key: "changes") var changes: String
    @Field(key: "reason") var reason: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Not stored: the names of the people, companies and accounts whose ids the changes hold,
    /// filled by `AuditViews.trail` so that the history shows names (`AuditNames`).
    var names: [String: String] = [:]

    init() {}

    init(organisationID: UUID, userID: UUID?, actor: String, entity: String, entityID: UUID, action: String, changes: String, reason: String) {
        self.$organisation.id = organisationID
        self.$user.id = userID
        self.actor = actor
        self.entity = entity
        self.entityID = entityID
        self.action = action
        self.changes = changes
        self.reason = reason
    }
}
