import Foundation

/// A follow-up diagnostic of the same business set against the first: both results, the change
/// per dimension and overall (in points of 100), and whether it was taken in the intended
/// window of 6 to 12 months. The six dimensions are the same in every questionnaire version,
/// so two versions compare; `sameVersion` says whether the questions were too.
public struct DiagnosticComparison: Sendable, Equatable {
    public var first: DiagnosticResult
    public var second: DiagnosticResult
    public var firstDate: Date
    public var secondDate: Date

    public static let followUpMonths = 6...12

    public init(first: DiagnosticResult, on firstDate: Date, second: DiagnosticResult, on secondDate: Date) {
        self.first = first
        self.second = second
        self.firstDate = firstDate
        self.secondDate = secondDate
    }

    /// The second score minus the first, for a dimension.
    public func change(_ dimension: DiagnosticDimension) -> Double { second.score(dimension) - first.score(dimension) }

    public var overallChange: Double { second.overall - first.overall }

    /// Every dimension's change, in the dimensions' order.
    public var changes: [(dimension: DiagnosticDimension, before: Double, after: Double, change: Double)] {
        DiagnosticDimension.allCases.map { (dimension: $0, before: first.score($0), after: second.score($0), change: change($0)) }
    }

    public var levelChanged: Bool { first.level != second.level }
    public var sameVersion: Bool { first.version == second.version }

    /// Whole months from the first diagnostic to the second, in Nouméa.
    public var monthsApart: Int {
        FrenchDate.calendar.dateComponents([.month], from: firstDate, to: secondDate).month ?? 0
    }

    public var isWithinFollowUpWindow: Bool { Self.followUpMonths.contains(monthsApart) }

    /// « +12 », « −3 », « 0 »: a change as shown, rounded, with its sign (a real minus sign).
    public static func signed(_ change: Double) -> String {
        let shown = DiagnosticScoring.shown(change)
        return shown > 0 ? "+\(shown)" : shown < 0 ? "\u{2212}\(-shown)" : "0"
    }
}
