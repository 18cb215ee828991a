import Foundation
import Testing
@testable import GrappeDomain

@Suite struct GovernanceTests {
    @Test func openBoardMandateEndsInApril2026() {
        let elected = FrenchDate.make(2023, 4, 20)
        let end = MandateTerm.end(electedOn: elected, years: MandateTerm.defaultYears)
        #expect(FrenchDate.iso(end) == "2026-04-20")
        #expect(MandateTerm.endsSoon(end, now: FrenchDate.make(2026, 2, 1)))
        #expect(!MandateTerm.endsSoon(end, now: FrenchDate.make(2025, 12, 1)), "more than 90 days ahead")
        #expect(!MandateTerm.endsSoon(end, now: FrenchDate.make(2026, 5, 1)), "already over")
        #expect(MandateTerm.endsSoon(end, now: FrenchDate.make(2026, 1, 20)), "exactly 90 days")
    }

    @Test func honoraryMembersDoNotVote() {
        #expect(!MandateRole.honorary.votes)
        #expect(MandateRole.allCases.filter(\.votes).count == MandateRole.allCases.count - 1)
        #expect(MandateRole.president.order < MandateRole.vicePresident.order)
    }

    @Test func meetingsPerMonthAsTheReportListsThem() {
        let dates = [(2, 4), (3, 6), (4, 3), (5, 7), (6, 5), (8, 7), (9, 4), (10, 2), (11, 6), (11, 20), (12, 4)]
            .map { FrenchDate.make(2025, $0.0, $0.1) } + [FrenchDate.make(2024, 11, 1)]
        #expect(MeetingStats.perMonth(dates, year: 2025) == [0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 2, 1])
    }

    @Test func averagesAndVolunteerTime() {
        #expect(MeetingStats.averageAttendance([]) == nil)
        #expect(MeetingStats.averageAttendance([9, 10, 11]) == 10)
        #expect(MeetingStats.averageAttendance([5, 6]) == 5.5)
        #expect(MeetingStats.averageAttendance([1, 1, 2]) == 1.3)
        #expect(MeetingStats.volunteerMinutes(durationMinutes: 90, present: 10) == 900)
        #expect(MeetingStats.volunteerMinutes(durationMinutes: -5, present: 10) == 0)
    }
}

@Suite struct VolunteerTimeTests {
    @Test(arguments: [("2", 120), ("2,5", 150), ("2.5", 150), ("2h30", 150), ("2 h 30", 150), ("1h", 60), ("0,25", 15)])
    func parsesHours(text: String, minutes: Int) {
        #expect(VolunteerTime.minutes(text) == minutes)
    }

    @Test(arguments: ["", "0", "-1", "deux", "2h75", "1001", "nan", "inf"])
    func refusesNonsense(text: String) {
        #expect(VolunteerTime.minutes(text) == nil)
    }
}
