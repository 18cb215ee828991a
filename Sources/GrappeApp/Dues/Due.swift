import Fluent
import Foundation
import GrappeDomain

/// A membership's dues for one year, priced when issued and kept as issued (snapshot of
/// category, headcount and bracket), numbered without gaps within the year.
final class Due: Model, @unchecked Sendable {
    static let schema = "dues"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Parent(key: "membership_id") var membership: Membership
    @Parent(key: "company_id") var company: Company
    @Field(key: "year") var year: Int
    @Field(key: "sequence") var sequence: Int
    @Field(key: "number") var number: String
    @Enum(key: "category") var category: MembershipCategory
    @Field(key: "headcount") var headcount: Int
    @Field(key: "bracket_label") var bracketLabel: String
    @Field(key: "base_amount") var baseAmount: Int
    @Field(key: "amount") var amount: Int
    @Field(key: "issued_on") var issuedOn: Date
    @Field(key: "due_on") var dueOn: Date
    @OptionalField(key: "last_reminded_at") var lastRemindedAt: Date?
    @Field(key: "reminder_count") var reminderCount: Int
    /// The sum of its payments, kept by `DuesService` in the payment's transaction.
    @Field(key: "paid") var paid: Int
    @Children(for: \.$due) var payments: [Payment]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(organisationID: UUID, membershipID: UUID, companyID: UUID, number: DueNumber, category: MembershipCategory,
         headcount: Int, bracketLabel: String, baseAmount: Int, amount: Int, issuedOn: Date, dueOn: Date) {
        self.$organisation.id = organisationID
        self.$membership.id = membershipID
        self.$company.id = companyID
        self.year = number.year
        self.sequence = number.sequence
        self.number = number.description
        self.category = category
        self.headcount = headcount
        self.bracketLabel = bracketLabel
        self.baseAmount = baseAmount
        self.amount = amount
        self.issuedOn = issuedOn
        self.dueOn = dueOn
        self.reminderCount = 0
        self.paid = 0
    }
}
