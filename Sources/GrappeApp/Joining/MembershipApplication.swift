import Fluent
import Foundation
import GrappeDomain

/// A company's application to join, sent from the public form and decided by staff or board.
final class MembershipApplication: Model, @unchecked Sendable {
    static let schema = "membership_applications"

    enum Status: String, Codable, CaseIterable, Sendable {
        case pending, approved, declined
        var label: String {
            switch self {
            case .pending: "À décider"
            case .approved: "Acceptée"
            case .declined: "Refusée"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "year") var year: Int
    @Field(key: "company_name") var companyName: String
    @Field(key: "legal_name") var legalName: String
    @Field(key: "ridet") var ridet: String
    @Field(key: "address") var address: String
    @Field(key: "commune") var commune: String
    @Field(key: "website") var website: String
    @Field(key: "company_email") var companyEmail: String
    @Field(key: "company_phone") var companyPhone: String
    @Field(key: "description") var about: String
    @Field(key: "headcount") var headcount: Int
    @Enum(key: "category") var category: MembershipCategory
    /// Domain names, one per line.
    @Field(key: "domains") var domains: String
    @Field(key: "first_name") var firstName: String
    @Field(key: "last_name") var lastName: String
    @Field(key: "email") var email: String
    @Field(key: "phone") var phone: String
    @Field(key: "role") var role: String
    @OptionalEnum(key: "gender") var gender: Gender?
    @Field(key: "fee_quoted") var feeQuoted: Int
    /// The commitments accepted, word for word, as shown on the form.
    @Field(key: "commitments") var commitments: String
    @Enum(key: "status") var status: Status
    @Field(key: "decision_reason") var decisionReason: String
    @OptionalParent(key: "decided_by_id") var decidedBy: User?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalParent(key: "company_id") var company: Company?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var domainList: [String] { domains.split(separator: "\n").map(String.init) }
    var applicantName: String { "\(firstName) \(lastName)" }
}
