import Fluent
import Foundation
import GrappeDomain

/// A funded programme (Tremplins du Numérique, NuméRaï…): period, funders, consortium of member
/// companies, partner organisations, indicators and actions.
final class Programme: Model, @unchecked Sendable {
    static let schema = "programmes"

    enum Status: String, Codable, CaseIterable, Sendable {
        case planned, running, done
        var label: String {
            switch self {
            case .planned: "En préparation"
            case .running: "En cours"
            case .done: "Terminé"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "name") var name: String
    @Field(key: "slug") var slug: String
    @Field(key: "description") var about: String
    @Enum(key: "status") var status: Status
    @Field(key: "starts_on") var startsOn: Date
    @Field(key: "ends_on") var endsOn: Date
    @Field(key: "axes") var axesText: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Children(for: \.$programme) var funders: [ProgrammeFunder]
    @Children(for: \.$programme) var partners: [ProgrammePartner]

    init() {}

    init(organisationID: UUID) {
        self.$organisation.id = organisationID
        self.about = ""
        self.status = .planned
        self.axesText = ""
    }

    var axes: [StrategicAxis] { StrategicAxis.parse(axesText) }
}

/// Who funds a programme, and how much (XPF) when known.
final class ProgrammeFunder: Model, @unchecked Sendable {
    static let schema = "programme_funders"
    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "name") var name: String
    @OptionalField(key: "amount") var amount: Int?
    init() {}
    init(programmeID: UUID, name: String, amount: Int?) { self.$programme.id = programmeID; self.name = name; self.amount = amount }
}

/// A partner organisation (CCI, CMA, MEDEF…) and its role in the programme.
final class ProgrammePartner: Model, @unchecked Sendable {
    static let schema = "programme_partners"
    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "name") var name: String
    @Field(key: "role") var role: String
    init() {}
    init(programmeID: UUID, name: String, role: String) { self.$programme.id = programmeID; self.name = name; self.role = role }
}

/// A member company that delivers the programme.
final class ConsortiumMember: Model, @unchecked Sendable {
    static let schema = "programme_consortium"
    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Parent(key: "company_id") var company: Company
    init() {}
    init(programmeID: UUID, companyID: UUID) { self.$programme.id = programmeID; self.$company.id = companyID }
}

/// An objective: a target in a unit, counted from the actions or entered by hand.
final class Indicator: Model, @unchecked Sendable {
    static let schema = "programme_indicators"
    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "name") var name: String
    @Field(key: "unit") var unit: String
    @Field(key: "target") var target: Double
    @Enum(key: "source") var source: IndicatorSource
    /// For `audienceSum`: the audience counted.
    @Field(key: "audience") var audience: String
    @Field(key: "position") var position: Int
    init() {}
    init(programmeID: UUID, name: String, unit: String, target: Double, source: IndicatorSource, audience: String = "", position: Int) {
        self.$programme.id = programmeID; self.name = name; self.unit = unit; self.target = target
        self.source = source; self.audience = audience; self.position = position
    }
}

/// A value entered by hand for a manual indicator, with its date and source.
final class IndicatorEntry: Model, @unchecked Sendable {
    static let schema = "indicator_entries"
    @ID(key: .id) var id: UUID?
    @Parent(key: "indicator_id") var indicator: Indicator
    @Field(key: "date") var date: Date
    @Field(key: "value") var value: Double
    @Field(key: "source_note") var sourceNote: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
    init(indicatorID: UUID, date: Date, value: Double, sourceNote: String) {
        self.$indicator.id = indicatorID; self.date = date; self.value = value; self.sourceNote = sourceNote
    }
}

/// A workshop, awareness session or diagnostic delivered under a programme.
final class ProgrammeAction: Model, @unchecked Sendable {
    static let schema = "programme_actions"
    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "date") var date: Date
    @Field(key: "theme") var theme: String
    @Field(key: "commune") var commune: String
    @OptionalParent(key: "animator_company_id") var animatorCompany: Company?
    /// The people who led it, free text.
    @Field(key: "animators") var animators: String
    @Field(key: "participants") var participants: Int
    /// Participants per audience, « tpe_pme=12;handicap=4 » (see `AudienceCounts`).
    @Field(key: "audiences") var audiencesText: String
    @Field(key: "duration_minutes") var durationMinutes: Int
    @Field(key: "notes") var notes: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}
