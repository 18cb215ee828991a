import Fluent
import Foundation
import GrappeDomain

/// The board, the bureau, a commission or a club.
final class Group: Model, @unchecked Sendable {
    static let schema = "cluster_groups"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Enum(key: "kind") var kind: GroupKind
    @Field(key: "name") var name: String
    @Field(key: "slug") var slug: String
    @Field(key: "description") var about: String
    /// Current projects, one per line.
    @Field(key: "projects") var projects: String
    @OptionalField(key: "founded_on") var foundedOn: Date?
    @Field(key: "active") var active: Bool
    @OptionalField(key: "rule_ordinal") var ruleOrdinal: Int?
    @OptionalField(key: "rule_weekday") var ruleWeekday: Int?
    @OptionalField(key: "rule_start") var ruleStart: Int?
    @OptionalField(key: "rule_end") var ruleEnd: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(organisationID: UUID, kind: GroupKind, name: String, slug: String, about: String, foundedOn: Date?, active: Bool = true) {
        self.$organisation.id = organisationID
        self.kind = kind
        self.name = name
        self.slug = slug
        self.about = about
        self.projects = ""
        self.foundedOn = foundedOn
        self.active = active
    }

    var rule: MeetingRule? {
        get {
            guard let o = ruleOrdinal.flatMap(MeetingRule.Ordinal.init(rawValue:)), let w = ruleWeekday, let s = ruleStart, let e = ruleEnd else { return nil }
            return try? MeetingRule(ordinal: o, weekday: w, start: s, end: e)
        }
        set {
            ruleOrdinal = newValue?.ordinal.rawValue
            ruleWeekday = newValue?.weekday
            ruleStart = newValue?.start
            ruleEnd = newValue?.end
        }
    }
}

/// A person in a group: a commission member (active or not), a club member or a request to join.
final class GroupMember: Model, @unchecked Sendable {
    static let schema = "group_members"

    enum Status: String, Codable, CaseIterable, Sendable {
        case member, pending, declined
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "group_id") var group: Group
    @Parent(key: "person_id") var person: Person
    @Field(key: "role") var role: String
    @Field(key: "active") var active: Bool
    /// Leads run their group: members, meetings, attendance, minutes, join requests.
    @Field(key: "lead") var lead: Bool
    @Enum(key: "status") var status: Status
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(groupID: UUID, personID: UUID, role: String = "", active: Bool = true, status: Status = .member, lead: Bool = false) {
        self.$group.id = groupID
        self.$person.id = personID
        self.role = role
        self.active = active
        self.status = status
        self.lead = lead
    }
}
