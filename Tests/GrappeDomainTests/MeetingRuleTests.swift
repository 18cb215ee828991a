import Foundation
import Testing
@testable import GrappeDomain

@Suite struct MeetingRuleTests {
    let thursday = 5

    func rule(_ ordinal: MeetingRule.Ordinal, _ weekday: Int = 5) throws -> MeetingRule {
        try MeetingRule(ordinal: ordinal, weekday: weekday, start: 12 * 60, end: 13 * 60 + 30)
    }

    func days(_ rule: MeetingRule, _ year: Int) -> [Int] {
        rule.occurrences(from: FrenchDate.make(year, 1, 1), to: FrenchDate.make(year + 1, 1, 1)).map { FrenchDate.calendar.component(.day, from: $0.start) }
    }

    @Test func secondThursdayOf2025() throws {
        // January 2025 starts on a Wednesday: its Thursdays are 2, 9, 16, 23, 30 (five of them).
        #expect(days(try rule(.second), 2025) == [9, 13, 13, 10, 8, 12, 10, 14, 11, 9, 13, 11])
    }

    @Test func lastThursdayInMonthsWithFourAndFiveThursdays() throws {
        let last = try rule(.last)
        // January 2025 has five Thursdays (last 30), February four (last 27), May five (29).
        #expect(last.day(year: 2025, month: 1).map { FrenchDate.calendar.component(.day, from: $0) } == 30)
        #expect(last.day(year: 2025, month: 2).map { FrenchDate.calendar.component(.day, from: $0) } == 27)
        #expect(last.day(year: 2025, month: 5).map { FrenchDate.calendar.component(.day, from: $0) } == 29)
        #expect(try rule(.fourth).day(year: 2025, month: 1).map { FrenchDate.calendar.component(.day, from: $0) } == 23,
                "the 4th is not the last in a five-Thursday month")
        #expect(try rule(.fourth).day(year: 2025, month: 2).map { FrenchDate.calendar.component(.day, from: $0) } == 27,
                "the 4th is the last in a four-Thursday month")
    }

    @Test func everyOrdinalExistsEveryMonth() throws {
        for ordinal in MeetingRule.Ordinal.allCases {
            for weekday in 1...7 {
                #expect(days(try rule(ordinal, weekday), 2026).count == 12)
            }
        }
    }

    @Test func timesAreInNoumea() throws {
        let first = try #require(try rule(.first).occurrences(from: FrenchDate.make(2025, 3, 1), to: FrenchDate.make(2025, 4, 1)).first)
        #expect(FrenchDate.long(first.start) == "jeudi 6 mars 2025")
        #expect(FrenchDate.dateTime(first.start) == "06/03/2025 à 12:00")
        #expect(first.end.timeIntervalSince(first.start) == 90 * 60)
    }

    @Test func boundsAreRespected() throws {
        let r = try rule(.second)
        let from = FrenchDate.make(2025, 3, 14) // after the 13 March meeting
        let list = r.occurrences(from: from, to: FrenchDate.make(2025, 5, 1))
        #expect(list.map { FrenchDate.iso($0.start) } == ["2025-04-10"])
    }

    @Test func labelsAndRRULE() throws {
        #expect(try rule(.second).label == "2e jeudi du mois, 12:00–13:30")
        #expect(try rule(.second).rrule == "FREQ=MONTHLY;BYDAY=2TH")
        #expect(try rule(.last, 6).rrule == "FREQ=MONTHLY;BYDAY=-1FR")
        #expect(try rule(.first).label.hasPrefix("1er jeudi"))
    }

    @Test func refusesBadRules() {
        #expect(throws: MeetingRule.Problem.endBeforeStart) { try MeetingRule(ordinal: .first, weekday: 5, start: 780, end: 720) }
        #expect(throws: MeetingRule.Problem.badWeekday) { try MeetingRule(ordinal: .first, weekday: 8, start: 720, end: 780) }
        #expect(throws: MeetingRule.Problem.badTime) { try MeetingRule(ordinal: .first, weekday: 5, start: 720, end: 1440) }
        #expect(MeetingRule.minutes("12h30") == 750)
        #expect(MeetingRule.minutes("12:00") == 720)
        #expect(MeetingRule.minutes("25:00") == nil)
        #expect(MeetingRule.minutes("midi") == nil)
    }
}
