import Fluent
import Foundation
import GrappeDomain

/// A business's request for a one-hour diagnostic, sent from the public page.
final class DiagnosticRequest: Model, @unchecked Sendable {
    static let schema = "diagnostic_requests"

    enum Status: String, Codable, CaseIterable, Sendable {
        case waiting, planned, cancelled, done

        var label: String {
            switch self {
            case .waiting: "À planifier"
            case .planned: "Planifiée"
            case .cancelled: "Annulée"
            case .done: "Réalisée"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "company_name") var companyName: String
    @Field(key: "ridet") var ridet: String
    @Enum(key: "activity") var activity: BusinessActivity
    @Field(key: "activity_details") var activityDetails: String
    @Field(key: "commune") var commune: String
    @Field(key: "headcount") var headcount: Int
    @Field(key: "contact_name") var contactName: String
    @Field(key: "contact_email") var contactEmail: String
    @Field(key: "contact_phone") var contactPhone: String
    /// The preferred slots, one « 2026-12-03T09:00 » (Nouméa time) per line.
    @Field(key: "slots") var slots: String
    @Field(key: "message") var message: String
    @Field(key: "statistics_consent") var statisticsConsent: Bool
    /// The consent's words as the form showed them; empty when not given.
    @Field(key: "consent_wording") var consentWording: String
    @OptionalField(key: "consent_at") var consentAt: Date?
    @Enum(key: "status") var status: Status
    @OptionalParent(key: "company_id") var company: Company?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// When the contact's personal data were erased (on request, or past the retention period):
    /// the company's facts stay for the figures.
    @OptionalField(key: "erased_at") var erasedAt: Date?

    init() {}

    var slotDates: [Date] { slots.split(separator: "\n").compactMap { DiagnosticRequestDraft.parseSlot(String($0)) } }
}
