import Fluent
import Foundation
import GrappeDomain

/// A company's membership for one year.
final class Membership: Model, @unchecked Sendable {
    static let schema = "memberships"

    @ID(key: .id) var id: UUID?
    @Parent(key: "company_id") var company: Company
    @Field(key: "year") var year: Int
    @Enum(key: "category") var category: MembershipCategory
    @Enum(key: "status") var status: MembershipStatus
    @Field(key: "start_date") var startDate: Date
    @OptionalField(key: "end_date") var endDate: Date?
    @OptionalParent(key: "holder_id") var holder: Person?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(companyID: UUID, year: Int, category: MembershipCategory, status: MembershipStatus, startDate: Date, holderID: UUID?) {
        self.$company.id = companyID
        self.year = year
        self.category = category
        self.status = status
        self.startDate = startDate
        self.$holder.id = holderID
    }
}
