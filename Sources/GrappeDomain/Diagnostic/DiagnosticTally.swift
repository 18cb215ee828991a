import Foundation

/// The sums the figures of closed diagnostics are made of, for a year or any span of years:
/// the database sums each year, `+` adds years up, and the averages are read from the sums (an
/// average of averages would weigh a small year as much as a big one).
///
/// Two bases: `diagnostics` counts every closed diagnostic (the work done, the programme's
/// indicator, the grants); `counted` only those whose business accepted the statistics, which
/// alone feed what is drawn from the answers (scores, levels, changes) — the consent's words
/// promise the answers are counted only with that agreement.
public struct DiagnosticTally: Sendable, Equatable {
    public var diagnostics = 0
    public var counted = 0
    public var overallSum = 0.0
    public var dimensionSums: [DiagnosticDimension: Double] = [:]
    /// Diagnostics that follow up an earlier one of the same business.
    public var followUps = 0
    /// Follow-ups counted in the statistics, and the sum of their overall change (points).
    public var followUpsCounted = 0
    public var changeSum = 0.0
    public var improved = 0
    /// Grant files still waiting for the Province's answer, granted, refused.
    public var grantsAsked = 0
    public var grantsGranted = 0
    public var grantsRefused = 0
    /// XPF granted.
    public var grantedTotal = 0

    public init() {}

    /// Every grant file sent, whatever its outcome.
    public var grantsFiled: Int { grantsAsked + grantsGranted + grantsRefused }

    public var averageOverall: Double? { counted > 0 ? overallSum / Double(counted) : nil }

    public func average(_ dimension: DiagnosticDimension) -> Double? {
        counted > 0 ? (dimensionSums[dimension] ?? 0) / Double(counted) : nil
    }

    /// The level of the average overall score.
    public var averageLevel: MaturityLevel? { averageOverall.map(MaturityLevel.init(score:)) }

    /// The mean change of the overall score between a diagnostic and the one it follows, in points.
    public var averageChange: Double? { followUpsCounted > 0 ? changeSum / Double(followUpsCounted) : nil }

    public static func + (a: DiagnosticTally, b: DiagnosticTally) -> DiagnosticTally {
        var sum = a
        sum.diagnostics += b.diagnostics
        sum.counted += b.counted
        sum.overallSum += b.overallSum
        sum.dimensionSums.merge(b.dimensionSums, uniquingKeysWith: +)
        sum.followUps += b.followUps
        sum.followUpsCounted += b.followUpsCounted
        sum.changeSum += b.changeSum
        sum.improved += b.improved
        sum.grantsAsked += b.grantsAsked
        sum.grantsGranted += b.grantsGranted
        sum.grantsRefused += b.grantsRefused
        sum.grantedTotal += b.grantedTotal
        return sum
    }

    /// « +12 points », « −3 points », « 0 point »: a change of score as shown.
    public static func changeLabel(_ points: Double) -> String {
        let shown = DiagnosticScoring.shown(points)
        let sign = shown > 0 ? "+" : (shown < 0 ? "−" : "")
        return "\(sign)\(ReportFigure.count(abs(shown), "point", "points"))"
    }
}
