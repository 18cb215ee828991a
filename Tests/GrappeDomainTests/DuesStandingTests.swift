import Foundation
import GrappeDomain
import Testing

/// Who keeps the members' services: the current due paid, or not yet overdue plus the grace period.
@Suite struct DuesStandingTests {
    let cal = FrenchDate.calendar
    func day(_ y: Int, _ m: Int, _ d: Int, hour: Int = 10) -> Date { cal.date(from: DateComponents(year: y, month: m, day: d, hour: hour))! }

    @Test func skazyPaidFor2025KeepsItsServicesWhenThe2026CallGoesOut() {
        let paid2025 = DuesStanding.Line(year: 2025, active: true, dueAmount: 90_000, paid: 90_000, dueOn: day(2025, 3, 5))
        let called2026 = DuesStanding.Line(year: 2026, active: true, dueAmount: 90_000, paid: 0, dueOn: day(2026, 12, 31, hour: 0))
        #expect(DuesStanding.verdict([paid2025, called2026], currentYear: 2026, today: day(2026, 11, 2), graceDays: 30, calendar: cal) == .upToDate)
        #expect(DuesStanding.verdict([paid2025, called2026], currentYear: 2026, today: day(2027, 1, 30), graceDays: 30, calendar: cal) == .upToDate, "the 30th day of grace")
        let id = UUID()
        let unpaid = DuesStanding.Line(year: 2026, active: true, dueAmount: 90_000, paid: 10_000, dueOn: day(2026, 12, 31, hour: 0), dueID: id)
        #expect(DuesStanding.verdict([paid2025, unpaid], currentYear: 2027, today: day(2027, 1, 31), graceDays: 30, calendar: cal)
                == .overdue(year: 2026, dueID: id, dueOn: day(2026, 12, 31, hour: 0), balance: 80_000))
        #expect(DuesStanding.verdict([paid2025, unpaid], currentYear: 2027, today: day(2027, 1, 1), graceDays: 0, calendar: cal) != .upToDate, "no grace")
    }

    @Test func lapsedResignedOrNoMembershipHaveNoStanding() {
        let paid2025 = DuesStanding.Line(year: 2025, active: true, dueAmount: 90_000, paid: 90_000, dueOn: day(2025, 3, 5))
        let lapsed2026 = DuesStanding.Line(year: 2026, active: false, dueAmount: 90_000, paid: 0, dueOn: day(2026, 2, 9), ended: true)
        #expect(DuesStanding.verdict([paid2025], currentYear: 2026, today: day(2026, 6, 1), graceDays: 30, calendar: cal) == .upToDate)
        #expect(DuesStanding.verdict([paid2025, lapsed2026], currentYear: 2026, today: day(2026, 6, 1), graceDays: 30, calendar: cal) == .noMembership)
        #expect(DuesStanding.verdict([], currentYear: 2026, today: day(2026, 6, 1), graceDays: 30, calendar: cal) == .noMembership)
        let old = DuesStanding.Line(year: 2023, active: true, dueAmount: 90_000, paid: 90_000, dueOn: day(2023, 3, 5))
        #expect(DuesStanding.verdict([old], currentYear: 2026, today: day(2026, 6, 1), graceDays: 30, calendar: cal) == .noMembership)
    }
}

extension DuesStandingTests {
    @Test func aNewCallDoesNotForgiveLastYearsUnpaidDue() {
        let unpaid2025 = DuesStanding.Line(year: 2025, active: true, dueAmount: 90_000, paid: 0, dueOn: day(2025, 3, 5))
        let called2026 = DuesStanding.Line(year: 2026, active: true, dueAmount: 90_000, paid: 0, dueOn: day(2026, 12, 31, hour: 0))
        if case .overdue(let year, _, _, let balance) = DuesStanding.verdict([unpaid2025, called2026], currentYear: 2026, today: day(2026, 11, 2), graceDays: 30, calendar: cal) {
            #expect(year == 2025 && balance == 90_000)
        } else {
            Issue.record("last year's unpaid due is overdue")
        }
    }
}
