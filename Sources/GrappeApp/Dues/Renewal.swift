import Fluent
import Foundation

/// A company's renewal for one year: the member contact's confirmation (who, when, with which
/// headcount) and when the lapse reminder went out. At most one row per company and year.
final class Renewal: Model, @unchecked Sendable {
    static let schema = "renewals"

    @ID(key: .id) var id: UUID?
    @Parent(key: "company_id") var company: Company
    @Field(key: "year") var year: Int
    @OptionalField(key: "headcount") var headcount: Int?
    @OptionalField(key: "confirmed_by") var confirmedBy: String?
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @OptionalField(key: "reminded_at") var remindedAt: Date?

    init() {}

    init(companyID: UUID, year: Int) {
        self.$company.id = companyID
        self.year = year
    }
}
