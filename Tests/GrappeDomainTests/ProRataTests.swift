import Testing
@testable import GrappeDomain

@Suite struct ProRataTests {
    @Test(arguments: [(nil as Int?, 60_000), (1, 60_000), (3, 60_000), (4, 45_000), (6, 45_000), (7, 30_000), (9, 30_000), (10, 15_000), (12, 15_000)])
    func quartersRemaining(month: Int?, amount: Int) {
        #expect(ProRataRule.quarters.amount(yearly: 60_000, joinMonth: month) == amount)
    }

    @Test func noneAlwaysChargesTheYear() {
        for month in 1...12 { #expect(ProRataRule.none.amount(yearly: 96_000, joinMonth: month) == 96_000) }
    }

    @Test func roundsToTheFranc() {
        // 90 001 × 3/4 = 67 500.75 → 67 501
        #expect(ProRataRule.quarters.amount(yearly: 90_001, joinMonth: 5) == 67_501)
    }

    @Test func ignoresImpossibleMonths() {
        #expect(ProRataRule.quarters.amount(yearly: 60_000, joinMonth: 13) == 60_000)
        #expect(ProRataRule.quarters.amount(yearly: 60_000, joinMonth: 0) == 60_000)
    }
}
