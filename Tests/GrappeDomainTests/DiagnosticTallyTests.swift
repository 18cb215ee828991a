import Foundation
import Testing
@testable import GrappeDomain

/// The figures' sums: years add up, averages come from the sums and only from the diagnostics
/// counted in the statistics; the programme indicator counts the diagnostics it is given.
@Suite struct DiagnosticTallyTests {
    static func year(diagnostics: Int, counted: Int, overall: Double, followUps: Int = 0, change: Double = 0, granted: Int = 0, total: Int = 0) -> DiagnosticTally {
        var t = DiagnosticTally()
        t.diagnostics = diagnostics
        t.counted = counted
        t.overallSum = overall
        for d in DiagnosticDimension.allCases { t.dimensionSums[d] = overall }
        t.followUps = followUps
        t.followUpsCounted = followUps
        t.changeSum = change
        t.grantsGranted = granted
        t.grantedTotal = total
        return t
    }

    @Test func averagesAreWeighedByTheCountedDiagnosticsNotByYear() {
        // 2024: 3 counted of 4, mean 20; 2025: 1 counted, 80. Mean of the means would be 50.
        let sum = Self.year(diagnostics: 4, counted: 3, overall: 60, followUps: 1, change: 12, granted: 2, total: 300_000)
            + Self.year(diagnostics: 1, counted: 1, overall: 80, followUps: 1, change: -4, granted: 1, total: 125_000)
        #expect(sum.diagnostics == 5 && sum.counted == 4)
        #expect(sum.averageOverall == 35)
        #expect(sum.average(.green) == 35)
        #expect(sum.averageLevel == .average)
        #expect(sum.averageChange == 4)
        #expect(sum.grantsGranted == 3 && sum.grantedTotal == 425_000 && sum.grantsFiled == 3)
    }

    @Test func nothingCountedHasNoAverage() {
        let t = Self.year(diagnostics: 2, counted: 0, overall: 0)
        #expect(t.averageOverall == nil && t.average(.data) == nil && t.averageLevel == nil && t.averageChange == nil)
        #expect(DiagnosticTally().grantsFiled == 0)
    }

    @Test func aChangeIsShownWithItsSignInWholePoints() {
        #expect(DiagnosticTally.changeLabel(12.4) == "+12 points")
        #expect(DiagnosticTally.changeLabel(-3.5) == "−4 points")
        #expect(DiagnosticTally.changeLabel(0.2) == "0 point")
        #expect(DiagnosticTally.changeLabel(1) == "+1 point")
    }

    @Test func theDiagnosticsIndicatorCountsWhatItIsGiven() {
        let typed = [ActionFacts(date: Date(), commune: "Nouméa", participants: 1)]
        #expect(Indicators.value(source: .closedDiagnostics, audience: nil, actions: typed, manualEntries: [], closedDiagnostics: 41) == 41)
        #expect(Indicators.value(source: .closedDiagnostics, audience: nil, actions: typed, manualEntries: []) == nil, "typed actions are not diagnostics")
        #expect(Indicators.value(source: .actionCount, audience: nil, actions: typed, manualEntries: [], closedDiagnostics: 41) == 1)
        #expect(IndicatorSource(rawValue: "closed_diagnostics") == .closedDiagnostics)
    }
}
