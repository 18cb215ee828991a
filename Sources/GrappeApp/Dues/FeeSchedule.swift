import Fluent
import Foundation
import GrappeDomain

/// One year's fee schedule: its brackets and the rule for members joining during the year.
final class FeeSchedule: Model, @unchecked Sendable {
    static let schema = "fee_schedules"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "year") var year: Int
    @Enum(key: "prorata_rule") var proRataRule: ProRataRule
    @Field(key: "payment_days") var paymentDays: Int
    @Children(for: \.$schedule) var brackets: [FeeScheduleBracket]

    init() {}

    init(organisationID: UUID, year: Int, proRataRule: ProRataRule, paymentDays: Int = 30) {
        self.$organisation.id = organisationID
        self.year = year
        self.proRataRule = proRataRule
        self.paymentDays = paymentDays
    }
}

/// A stored line of a fee schedule.
final class FeeScheduleBracket: Model, @unchecked Sendable {
    static let schema = "fee_brackets"

    @ID(key: .id) var id: UUID?
    @Parent(key: "schedule_id") var schedule: FeeSchedule
    @Enum(key: "category") var category: MembershipCategory
    @Field(key: "min_headcount") var minHeadcount: Int
    @OptionalField(key: "max_headcount") var maxHeadcount: Int?
    @Field(key: "amount") var amount: Int

    init() {}

    init(scheduleID: UUID, bracket: FeeBracket) {
        self.$schedule.id = scheduleID
        self.category = bracket.category
        self.minHeadcount = bracket.minHeadcount
        self.maxHeadcount = bracket.maxHeadcount
        self.amount = bracket.amount
    }

    var domain: FeeBracket {
        FeeBracket(category: category, minHeadcount: minHeadcount, maxHeadcount: maxHeadcount, amount: amount)
    }
}
