import Fluent
import Foundation
import GrappeDomain

/// An event (animation): croissant numérique, Open Lunch, afterwork, general assembly, salon…
final class ClusterEvent: Model, @unchecked Sendable {
    static let schema = "events"

    enum Audience: String, Codable, CaseIterable, Sendable {
        case members, everyone = "public"
        var label: String { self == .members ? "Adhérents" : "Public" }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Enum(key: "kind") var kind: EventKind
    @Field(key: "title") var title: String
    @Field(key: "description") var about: String
    @OptionalParent(key: "host_company_id") var host: Company?
    @Field(key: "place") var place: String
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    @Field(key: "capacity") var capacity: Int
    @Enum(key: "audience") var audience: Audience
    @Field(key: "axes") var axesText: String
    @Enum(key: "status") var status: EventStatus
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(organisationID: UUID, kind: EventKind, title: String, startsAt: Date, endsAt: Date, place: String = "", capacity: Int = 0,
         audience: Audience = .members, axes: [StrategicAxis] = [], status: EventStatus = .planned, about: String = "", hostID: UUID? = nil) {
        self.$organisation.id = organisationID
        self.kind = kind
        self.title = title
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.place = place
        self.capacity = capacity
        self.audience = audience
        self.axesText = StrategicAxis.serialize(axes)
        self.status = status
        self.about = about
        self.$host.id = hostID
    }

    var axes: [StrategicAxis] { StrategicAxis.parse(axesText) }
}

/// Someone registered to an event: a person known to Grappe or a guest with a name and email.
final class Registration: Model, @unchecked Sendable {
    static let schema = "registrations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "event_id") var event: ClusterEvent
    @OptionalParent(key: "person_id") var person: Person?
    @Field(key: "name") var name: String
    @Field(key: "email") var email: String
    @Enum(key: "status") var status: RegistrationStatus
    /// Secret for the guest's cancellation link.
    @Field(key: "token") var token: String
    @OptionalField(key: "checked_in_at") var checkedInAt: Date?
    /// The company a participant added on site said they come from (M026).
    @OptionalField(key: "company") var company: String?
    @OptionalField(key: "reminded_at") var remindedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(eventID: UUID, personID: UUID?, name: String, email: String, status: RegistrationStatus, token: String) {
        self.$event.id = eventID
        self.$person.id = personID
        self.name = name
        self.email = email
        self.status = status
        self.token = token
    }
}
