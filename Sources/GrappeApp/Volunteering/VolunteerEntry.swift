import Fluent
import Foundation

/// Volunteer time outside meetings (preparing a workshop, animating an event…), against an
/// activity and optionally a group. Meeting time is counted from attendance.
final class VolunteerEntry: Model, @unchecked Sendable {
    static let schema = "volunteer_entries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Parent(key: "person_id") var person: Person
    @OptionalParent(key: "group_id") var group: Group?
    @Field(key: "activity") var activity: String
    @Field(key: "date") var date: Date
    @Field(key: "minutes") var minutes: Int
    @OptionalParent(key: "created_by") var createdBy: User?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(organisationID: UUID, personID: UUID, groupID: UUID?, activity: String, date: Date, minutes: Int, createdBy: UUID?) {
        self.$organisation.id = organisationID
        self.$person.id = personID
        self.$group.id = groupID
        self.activity = activity
        self.date = date
        self.minutes = minutes
        self.$createdBy.id = createdBy
    }
}
