import Fluent
import Foundation
import GrappeDomain

/// One diagnostic: the appointment planned for a request, then the interview's answers and
/// notes, the plan's overrides and the grant's outcome.
final class Diagnostic: Model, @unchecked Sendable {
    static let schema = "diagnostics"

    enum Status: String, Codable, CaseIterable, Sendable {
        case planned
        case inProgress = "in_progress"
        case closed, cancelled

        var label: String {
            switch self {
            case .planned: "Planifié"
            case .inProgress: "En cours"
            case .closed: "Clos"
            case .cancelled: "Annulé"
            }
        }
    }

    enum GrantStatus: String, Codable, CaseIterable, Sendable {
        case none, asked, granted, refused
    }

    /// The interview lasts one hour.
    static let duration: TimeInterval = 3600

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Parent(key: "request_id") var request: DiagnosticRequest
    @Parent(key: "questionnaire_id") var questionnaire: QuestionnaireVersion
    /// The advisor: a staff account, or a person of a company of the programme's consortium.
    @OptionalParent(key: "advisor_user_id") var advisorUser: User?
    @OptionalParent(key: "advisor_person_id") var advisorPerson: Person?
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    @Enum(key: "status") var status: Status
    /// The invitation's SEQUENCE, raised at each reschedule.
    @Field(key: "sequence") var sequence: Int
    /// The raw answers (question key → `DiagnosticAnswer`, in JSON), kept so that scores can be recomputed.
    @Field(key: "answers") var answers: String
    /// The advisor's notes per dimension (`[DiagnosticDimension: String]` in JSON).
    @Field(key: "notes") var notes: String
    /// The staff's changes to the computed plan, in JSON.
    @Field(key: "plan_overrides") var planOverrides: String
    @OptionalField(key: "closed_at") var closedAt: Date?
    /// SHA-256 of the token of the private results link.
    @OptionalField(key: "results_token_hash") var resultsTokenHash: String?
    @Enum(key: "grant_status") var grantStatus: GrantStatus
    @OptionalField(key: "grant_amount") var grantAmount: Int?
    @OptionalField(key: "grant_on") var grantOn: Date?
    /// The scores written when the interview is closed (`DiagnosticClosing`), recomputable from
    /// `answers`: kept in columns so that the figures are averaged in SQL.
    @OptionalField(key: "overall_score") var overallScore: Double?
    @OptionalField(key: "level") var level: String?
    @OptionalField(key: "score_strategy") var scoreStrategy: Double?
    @OptionalField(key: "score_readiness") var scoreReadiness: Double?
    @OptionalField(key: "score_human_centric") var scoreHumanCentric: Double?
    @OptionalField(key: "score_data") var scoreData: Double?
    @OptionalField(key: "score_automation") var scoreAutomation: Double?
    @OptionalField(key: "score_green") var scoreGreen: Double?
    /// The earlier diagnostic of the same business that this one follows up.
    @OptionalField(key: "follows_id") var followsID: UUID?
    /// Set once, by the instance that queued the reminder of the day before (`DiagnosticReminders`).
    @OptionalField(key: "reminded_at") var remindedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(organisationID: UUID, requestID: UUID, questionnaireID: UUID, startsAt: Date) {
        self.$organisation.id = organisationID
        self.$request.id = requestID
        self.$questionnaire.id = questionnaireID
        self.startsAt = startsAt
        self.endsAt = startsAt.addingTimeInterval(Self.duration)
        self.status = .planned
        self.sequence = 0
        self.answers = "{}"
        self.notes = "{}"
        self.planOverrides = "{}"
        self.grantStatus = .none
    }

    /// The invitation's UID: the same for every version of this appointment.
    var calendarUID: String { "diagnostic-\(id?.uuidString.lowercased() ?? "")@grappe" }
}
