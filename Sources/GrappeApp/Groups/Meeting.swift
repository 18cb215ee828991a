import Fluent
import Foundation
import GrappeDomain

/// A meeting of a group, or with an institution (Gouvernement, Province Sud, Vice-rectorat…).
final class Meeting: Model, @unchecked Sendable {
    static let schema = "meetings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @OptionalParent(key: "group_id") var group: Group?
    @Field(key: "institution") var institution: String
    @Field(key: "title") var title: String
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    /// Kept with the times (see `reschedule`) so that volunteer hours add up in SQL on both databases.
    @Field(key: "duration_minutes") var durationMinutes: Int
    @Field(key: "place") var place: String
    @Enum(key: "status") var status: MeetingStatus
    @Field(key: "agenda") var agenda: String
    @Field(key: "minutes") var minutes: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(organisationID: UUID, groupID: UUID?, institution: String = "", title: String, startsAt: Date, endsAt: Date,
         place: String = "", status: MeetingStatus = .planned) {
        self.$organisation.id = organisationID
        self.$group.id = groupID
        self.institution = institution
        self.title = title
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.durationMinutes = max(0, Int(endsAt.timeIntervalSince(startsAt) / 60))
        self.place = place
        self.status = status
        self.agenda = ""
        self.minutes = ""
    }

    func reschedule(start: Date, end: Date) {
        startsAt = start
        endsAt = end
        durationMinutes = max(0, Int(end.timeIntervalSince(start) / 60))
    }
}

/// Who attended a meeting.
final class Attendance: Model, @unchecked Sendable {
    static let schema = "attendances"

    @ID(key: .id) var id: UUID?
    @Parent(key: "meeting_id") var meeting: Meeting
    @Parent(key: "person_id") var person: Person
    @Enum(key: "status") var status: AttendanceStatus

    init() {}

    init(meetingID: UUID, personID: UUID, status: AttendanceStatus) {
        self.$meeting.id = meetingID
        self.$person.id = personID
        self.status = status
    }
}
