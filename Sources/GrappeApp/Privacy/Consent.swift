import Fluent
import Foundation

/// A consent given, with the exact wording shown and when; withdrawn later if so.
final class Consent: Model, @unchecked Sendable {
    static let schema = "consents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "email") var email: String
    @OptionalParent(key: "person_id") var person: Person?
    @Field(key: "purpose") var purpose: String
    @Field(key: "wording") var wording: String
    @Field(key: "given_at") var givenAt: Date
    @OptionalField(key: "withdrawn_at") var withdrawnAt: Date?

    init() {}

    init(organisationID: UUID, email: String, personID: UUID? = nil, purpose: String, wording: String) {
        self.$organisation.id = organisationID
        self.email = email
        self.$person.id = personID
        self.purpose = purpose
        self.wording = wording
        self.givenAt = Date()
    }

    static func record(on db: any Database, organisationID: UUID, email: String, personID: UUID? = nil, purpose: String, wording: String) async throws {
        try await Consent(organisationID: organisationID, email: email, personID: personID, purpose: purpose, wording: wording).create(on: db)
    }

    static func withdraw(on db: any Database, organisationID: UUID, email: String, purpose: String) async throws {
        try await Consent.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$email == email)
            .filter(\.$purpose == purpose).filter(\.$withdrawnAt == nil).set(\.$withdrawnAt, to: Date()).update()
    }

    var purposeLabel: String { Consent.purposes[purpose] ?? purpose }

    /// The wording of the directory consent, shown on the company and join forms.
    static let directoryWording = "J'accepte que la fiche de l'entreprise soit publiée dans l'annuaire des professionnels du numérique."

    static let purposes = [
        "membership_charter": "Engagements de la charte (adhésion)",
        "candidate_pool": "Partage du CV avec les adhérents",
        "ctf_profile": "Partage du profil de joueur Hackagou avec les adhérents",
        "newsletter": "Lettre d'information",
        "directory_profile": "Fiche publique dans l'annuaire",
    ]
}

/// A person's request about their personal data (erasure), handled by staff.
final class DataRequest: Model, @unchecked Sendable {
    static let schema = "data_requests"

    enum Status: String, Codable, CaseIterable, Sendable {
        case pending, done, rejected
        var label: String {
            switch self {
            case .pending: "À traiter"
            case .done: "Effectuée"
            case .rejected: "Refusée"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @OptionalParent(key: "user_id") var user: User?
    @Field(key: "email") var email: String
    @Field(key: "kind") var kind: String
    @Field(key: "message") var message: String
    @Enum(key: "status") var status: Status
    @Field(key: "decision_note") var decisionNote: String
    @OptionalParent(key: "decided_by_id") var decidedBy: User?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
