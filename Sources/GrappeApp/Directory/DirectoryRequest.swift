import Fluent
import Foundation

/// A request, made from a company's public page, to correct or remove its directory entry.
final class DirectoryRequest: Model, @unchecked Sendable {
    static let schema = "directory_requests"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case correction, removal
        var label: String { self == .correction ? "Correction" : "Retrait" }
    }

    enum Status: String, Codable, CaseIterable, Sendable {
        case pending, applied, rejected
        var label: String {
            switch self {
            case .pending: "À traiter"
            case .applied: "Appliquée"
            case .rejected: "Refusée"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Parent(key: "company_id") var company: Company
    @Enum(key: "kind") var kind: Kind
    @Field(key: "requester_name") var requesterName: String
    @Field(key: "requester_email") var requesterEmail: String
    @Field(key: "message") var message: String
    @Enum(key: "status") var status: Status
    @Field(key: "decision_note") var decisionNote: String
    @OptionalParent(key: "decided_by_id") var decidedBy: User?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(organisationID: UUID, companyID: UUID, kind: Kind, name: String, email: String, message: String) {
        self.$organisation.id = organisationID
        self.$company.id = companyID
        self.kind = kind
        self.requesterName = name
        self.requesterEmail = email
        self.message = message
        self.status = .pending
        self.decisionNote = ""
    }
}
