import Foundation

/// A figure of the annual report: a count that may be missing. Missing means the records hold
/// nothing for it (no figure entered, no schedule…), which the report says in words, never as 0.
public enum ReportFigure {
    public static let noData = "pas de donnée"

    /// "1 505", or « pas de donnée ».
    public static func text(_ value: Int?, unit: String = "") -> String {
        guard let value else { return noData }
        return unit.isEmpty ? Money.grouped(value) : "\(Money.grouped(value)) \(unit)"
    }

    /// The share of `part` in `total`, in whole percent; nil when there is no total.
    public static func percent(_ part: Int, of total: Int) -> Int? {
        guard total > 0 else { return nil }
        return Int((Double(part) * 100 / Double(total)).rounded())
    }

    /// "2 réunions", "1 réunion", "0 réunion" (`French.count`).
    public static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        French.count(n, singular, plural)
    }
}

/// A key figure beside last year's, with the change between them.
public struct YearOverYear: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case count, percent }

    public let current: Int?
    public let previous: Int?
    public let previousYear: Int
    public let kind: Kind
    /// Printed after the change of a count: "XPF", "h"…
    public let unit: String

    public init(current: Int?, previous: Int?, previousYear: Int, kind: Kind = .count, unit: String = "") {
        self.current = current
        self.previous = previous
        self.previousYear = previousYear
        self.kind = kind
        self.unit = unit
    }

    /// The difference, when both years have a figure.
    public var change: Int? {
        guard let current, let previous else { return nil }
        return current - previous
    }

    /// The change in words: « +12 par rapport à 2024 (+8 %) », « stable par rapport à 2024 »,
    /// « pas de donnée pour 2024 ». Percentages change by points, not by percent.
    public var changeText: String {
        guard previous != nil else { return "\(ReportFigure.noData) pour \(previousYear)" }
        guard let change, let previous else { return "" }
        if change == 0 { return "stable par rapport à \(previousYear)" }
        let sign = change > 0 ? "+" : "−"
        let magnitude = Money.grouped(abs(change)) + (unit.isEmpty || kind == .percent ? "" : " \(unit)")
        switch kind {
        case .percent:
            return "\(sign)\(magnitude) \(abs(change) == 1 ? "point" : "points") par rapport à \(previousYear)"
        case .count:
            guard previous != 0 else { return "\(sign)\(magnitude) par rapport à \(previousYear)" }
            let relative = Int((Double(abs(change)) * 100 / Double(abs(previous))).rounded())
            return "\(sign)\(magnitude) par rapport à \(previousYear) (\(sign)\(relative) %)"
        }
    }

    /// The trend for a screen reader and for styling: "hausse", "baisse", "stable" or nil.
    public var trend: String? {
        guard let change else { return nil }
        return change > 0 ? "hausse" : change < 0 ? "baisse" : "stable"
    }
}

/// Counts per calendar month in words, as the report lists meetings: « Novembre : 2 réunions ».
/// The counts themselves come from `MeetingStats.perMonth`.
public enum MonthTally {
    /// The months that had any, in order, in words.
    public static func lines(_ counts: [Int], singular: String, plural: String) -> [String] {
        counts.enumerated().compactMap { index, n in
            n > 0 ? "\(FrenchDate.monthName(index + 1).capitalized) : \(ReportFigure.count(n, singular, plural))" : nil
        }
    }
}
