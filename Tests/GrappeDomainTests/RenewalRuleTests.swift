import Foundation
import GrappeDomain
import Testing

/// Who is renewed, who has said yes, and when the reminder and the lapse come.
@Suite struct RenewalRuleTests {
    let cal = FrenchDate.calendar

    @Test func activeMembersAreRenewedOthersLeftOutWithTheReason() {
        #expect(RenewalRule.leftOutReason(.active) == nil)
        #expect(RenewalRule.leftOutReason(.resigned) == "a démissionné")
        #expect(RenewalRule.leftOutReason(.lapsed) == "non renouvelée (radiée)")
        #expect(RenewalRule.leftOutReason(.candidate) != nil)
        #expect(RenewalRule.hasRenewed(confirmed: true, paid: 0))
        #expect(RenewalRule.hasRenewed(confirmed: false, paid: 1))
        #expect(!RenewalRule.hasRenewed(confirmed: false, paid: 0), "an issued due alone is not a yes")
    }

    @Test func reminderThenLapseAroundTheLapseDate() {
        let lapse = RenewalRule.lapseDate(year: 2026, month: 3, day: 31, calendar: cal)
        #expect(FrenchDate.iso(lapse) == "2026-03-31")
        #expect(FrenchDate.iso(RenewalRule.lapseDate(year: 2026, month: 2, day: 31, calendar: cal)) == "2026-02-28")
        func at(_ m: Int, _ d: Int, _ h: Int = 10) -> Date { cal.date(from: DateComponents(year: 2026, month: m, day: d, hour: h))! }
        #expect(RenewalRule.step(today: at(3, 1), lapseDate: lapse, reminderDays: 15, calendar: cal) == .wait)
        #expect(RenewalRule.step(today: at(3, 17), lapseDate: lapse, reminderDays: 15, calendar: cal) == .remind)
        #expect(RenewalRule.step(today: at(3, 31, 23), lapseDate: lapse, reminderDays: 15, calendar: cal) == .remind, "the lapse date is the last day")
        #expect(RenewalRule.step(today: at(4, 1, 0), lapseDate: lapse, reminderDays: 15, calendar: cal) == .lapse)
    }
}
