import Foundation
import Testing
@testable import GrappeDomain

@Suite struct IndicatorTests {
    /// 89 workshops from July 2021 to June 2025, 1 640 participants in all.
    private func tremplins() -> [ActionFacts] {
        let communes = ["Nouméa", "noumea", "Dumbéa", "Païta", "Le Mont-Dore", "Koné"]
        return (0..<89).map { i in
            let month = 7 + i / 2 // two workshops a month
            let date = FrenchDate.make(2021 + (month - 1) / 12, (month - 1) % 12 + 1, 10 + i % 2)
            return ActionFacts(date: date, commune: communes[i % communes.count],
                               participants: i < 38 ? 19 : 18, audiences: [:])
        }
    }

    @Test func tremplinsReaches109Percent() {
        let actions = tremplins()
        let count = Indicators.value(source: .actionCount, audience: nil, actions: actions, manualEntries: [])
        let participants = Indicators.value(source: .participantSum, audience: nil, actions: actions, manualEntries: [])
        #expect(count == 89)
        #expect(participants == 1640)
        #expect(Indicators.progress(value: participants, target: 1500) == 109)
    }

    @Test func progressRounding() {
        #expect(Indicators.progress(value: 1, target: 8) == 13) // 12.5 → 13
        #expect(Indicators.progress(value: 1005, target: 1000) == 101) // 100.5 → 101
        #expect(Indicators.progress(value: 1004, target: 1000) == 100)
        #expect(Indicators.progress(value: 0, target: 30) == 0)
        #expect(Indicators.progress(value: nil, target: 30) == nil)
        #expect(Indicators.progress(value: 10, target: 0) == nil)
        #expect(Indicators.progress(value: 10, target: -5) == nil)
    }

    @Test func distinctCommunesFoldSpellings() {
        let day = FrenchDate.make(2026, 3, 4)
        let actions = [
            ActionFacts(date: day, commune: "Nouméa", participants: 10),
            ActionFacts(date: day, commune: "noumea", participants: 5),
            ActionFacts(date: day, commune: " NOUMÉA ", participants: 5),
            ActionFacts(date: day, commune: "Païta", participants: 8),
            ActionFacts(date: day, commune: "", participants: 3),
        ]
        #expect(Indicators.value(source: .distinctCommunes, audience: nil, actions: actions, manualEntries: []) == 2)
    }

    @Test func audienceSum() {
        let day = FrenchDate.make(2026, 4, 2)
        let actions = [
            ActionFacts(date: day, commune: "Bourail", participants: 20, audiences: ["handicap": 12, "demandeurs d'emploi": 4]),
            ActionFacts(date: day, commune: "Koné", participants: 15, audiences: ["Handicap": 9]),
            ActionFacts(date: day, commune: "Lifou", participants: 10, audiences: ["ruralité": 10]),
        ]
        #expect(Indicators.value(source: .audienceSum, audience: "handicap", actions: actions, manualEntries: []) == 21)
        #expect(Indicators.value(source: .audienceSum, audience: "Ruralite", actions: actions, manualEntries: []) == 10)
        #expect(Indicators.value(source: .audienceSum, audience: "seniors", actions: actions, manualEntries: []) == 0)
        #expect(Indicators.value(source: .audienceSum, audience: nil, actions: actions, manualEntries: []) == nil)
        #expect(Indicators.progress(value: 21, target: 250) == 8)
    }

    @Test func manualTakesTheLatestEntry() {
        let entries: [(date: Date, value: Double)] = [
            (FrenchDate.make(2025, 3, 1), 40),
            (FrenchDate.make(2025, 9, 1), 120),
            (FrenchDate.make(2025, 6, 1), 80),
        ]
        #expect(Indicators.value(source: .manual, audience: nil, actions: tremplins(), manualEntries: entries) == 120)
        #expect(Indicators.value(source: .manual, audience: nil, actions: [], manualEntries: []) == nil)
        let tie: [(date: Date, value: Double)] = [(FrenchDate.make(2025, 3, 1), 1), (FrenchDate.make(2025, 3, 1), 2)]
        #expect(Indicators.value(source: .manual, audience: nil, actions: [], manualEntries: tie) == 2)
    }

    @Test func behindRule() {
        // NuméRaï-like: February 2026 to May 2027, target 500 people.
        let start = FrenchDate.make(2026, 2, 1), end = FrenchDate.make(2027, 6, 1)
        let half = start.addingTimeInterval(end.timeIntervalSince(start) / 2)
        #expect(Indicators.behind(value: 195, target: 500, periodStart: start, periodEnd: end, now: half)) // 39 % vs 50 %
        #expect(!Indicators.behind(value: 200, target: 500, periodStart: start, periodEnd: end, now: half)) // 40 % vs 50 %
        #expect(!Indicators.behind(value: 0, target: 500, periodStart: start, periodEnd: end, now: FrenchDate.make(2026, 1, 15)))
        #expect(!Indicators.behind(value: 0, target: 500, periodStart: start, periodEnd: end, now: start))
        #expect(Indicators.behind(value: 400, target: 500, periodStart: start, periodEnd: end, now: FrenchDate.make(2027, 9, 1)))
        #expect(!Indicators.behind(value: 460, target: 500, periodStart: start, periodEnd: end, now: FrenchDate.make(2027, 9, 1)))
        #expect(!Indicators.behind(value: nil, target: 500, periodStart: start, periodEnd: end, now: half))
        #expect(!Indicators.behind(value: 0, target: 0, periodStart: start, periodEnd: end, now: half))
        #expect(!Indicators.behind(value: 0, target: 500, periodStart: end, periodEnd: start, now: half))
    }

    @Test func perMonth() {
        let actions = [
            ActionFacts(date: FrenchDate.make(2026, 3, 20), commune: "Thio", participants: 5),
            ActionFacts(date: FrenchDate.make(2025, 12, 5), commune: "Thio", participants: 5),
            ActionFacts(date: FrenchDate.make(2026, 3, 2), commune: "Thio", participants: 5),
            ActionFacts(date: FrenchDate.make(2026, 1, 31), commune: "Thio", participants: 5),
        ]
        let months = Indicators.perMonth(actions, calendar: FrenchDate.calendar)
        #expect(months.map(\.year) == [2025, 2026, 2026])
        #expect(months.map(\.month) == [12, 1, 3])
        #expect(months.map(\.count) == [1, 1, 2])
        #expect(Indicators.perMonth(tremplins(), calendar: FrenchDate.calendar).count == 45)
        #expect(Indicators.perMonth([], calendar: FrenchDate.calendar).isEmpty)
    }

    @Test func perCommune() {
        let day = FrenchDate.make(2026, 5, 5)
        let actions = [
            ActionFacts(date: day, commune: "noumea", participants: 10),
            ActionFacts(date: day, commune: "Koné", participants: 7),
            ActionFacts(date: day, commune: "Nouméa", participants: 12),
            ActionFacts(date: day, commune: "Bourail", participants: 4),
            ActionFacts(date: day, commune: "Ouvéa", participants: 9),
            ActionFacts(date: day, commune: "", participants: 2),
        ]
        let rows = Indicators.perCommune(actions)
        #expect(rows.map(\.commune) == ["Nouméa", "Bourail", Indicators.unknownCommune, "Koné", "Ouvéa"])
        #expect(rows.map(\.count) == [2, 1, 1, 1, 1])
        #expect(rows.map(\.participants) == [22, 4, 2, 7, 9])
    }
}
