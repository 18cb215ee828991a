import Foundation
import GrappeDomain

/// Pieces the report's sections share: Markdown prose, a missing-data line, a key figure with
/// last year's beside it.
enum ReportUI {
    static func prose(_ markdown: String) -> HTML { "<div class=\"prose\">\(HTML.markdown(markdown))</div>" }

    static func missing(_ text: String) -> HTML { "<p class=\"missing\">\(text)</p>" }

    /// A key figure: big value, label, and the change since last year (or « pas de donnée »).
    static func figure(_ label: String, value: String, yoy: YearOverYear?) -> HTML {
        let change: HTML = yoy.map { "<span class=\"change\($0.trend.map { " " + $0 } ?? "")\">\($0.changeText)</span>" } ?? .empty
        return "<div class=\"key\"><strong>\(value)</strong><span class=\"label\">\(label)</span>\(change)</div>"
    }

    static func list(_ items: [String]) -> HTML {
        items.isEmpty ? .empty : "<ul>\(items.map { "<li>\($0)</li>" as HTML })</ul>"
    }

    /// The year's bounds as dates, for « in force during the year » tests.
    static func spans(_ year: Int, from start: Date, to end: Date) -> Bool {
        let (from, to) = FrenchDate.yearBounds(year)
        return start < to && end >= from
    }
}
