import Foundation
import GrappeDomain

/// A horizontal bar chart drawn as SVG on the server, with a `<title>`, a description and a
/// table that says the same for readers who cannot see it.
struct BarChart {
    struct Series {
        let label: String
        let cssClass: String
        /// The same colour as the stylesheet's class, as an SVG attribute: PDF engines that do
        /// not apply page styles inside SVG still paint the bars.
        var fill: String { cssClass == "bar-expected" ? "#9fc3d9" : "#0b6e99" }
    }
    struct Group { let label: String; let values: [Int] }

    let title: String
    let series: [Series]
    let groups: [Group]
    var format: (Int) -> String = { Money.xpf($0) }

    /// Meetings per month, January to December, one bar each.
    static func perMonth(title: String, counts: [Int]) -> BarChart {
        BarChart(title: title, series: [.init(label: "Réunions", cssClass: "bar-received")],
                 groups: counts.enumerated().map { .init(label: FrenchDate.monthName($0.offset + 1).capitalized, values: [$0.element]) },
                 format: { String($0) })
    }

    /// The chart in words, for readers who cannot see it: its title, then every value.
    var summary: String { "\(title). " + values }

    /// Every value, group by group (the printed caption, under the title it already shows).
    var values: String {
        let parts = groups.map { g in
            "\(g.label) : " + g.values.enumerated().filter { $0.offset < series.count }
                .map { series.count > 1 ? "\(series[$0.offset].label.lowercased()) \(format($0.element))" : format($0.element) }.joined(separator: ", ")
        }
        return parts.joined(separator: " ; ") + "."
    }

    /// The SVG with its title and description; the data table below it unless `dataTable` is
    /// false (the report prints the description instead).
    func render(dataTable: Bool = true) -> HTML {
        // Room for the longest label (about 6.5 px per character at 12 px), within bounds.
        let longest = groups.map(\.label.count).max() ?? 0
        let rowHeight = 18, gap = 10, labelWidth = min(260, max(150, longest * 13 / 2 + 10)), width = 640
        let barArea = width - labelWidth - 110
        let maxValue = max(1, groups.flatMap(\.values).max() ?? 1)
        var y = 10
        var shapes: [HTML] = []
        for group in groups {
            shapes.append("<text x=\"0\" y=\"\(y + rowHeight)\" class=\"chart-label\" font-size=\"12\">\(group.label)</text>")
            for (index, value) in group.values.enumerated() where index < series.count {
                let w = Int(Double(barArea) * Double(value) / Double(maxValue))
                shapes.append("<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(max(w, value > 0 ? 1 : 0))\" height=\"\(rowHeight - 2)\" class=\"\(series[index].cssClass)\" fill=\"\(series[index].fill)\"><title>\(group.label) – \(series[index].label) : \(format(value))</title></rect>")
                shapes.append("<text x=\"\(labelWidth + w + 4)\" y=\"\(y + rowHeight - 5)\" class=\"chart-value\" font-size=\"12\">\(format(value))</text>")
                y += rowHeight
            }
            y += gap
        }
        let legend = series.enumerated().map { index, s -> HTML in
            "<rect x=\"\(labelWidth + index * 160)\" y=\"\(y)\" width=\"12\" height=\"12\" class=\"\(s.cssClass)\" fill=\"\(s.fill)\"></rect><text x=\"\(labelWidth + index * 160 + 16)\" y=\"\(y + 11)\" class=\"chart-label\" font-size=\"12\">\(s.label)</text>"
        }
        let height = y + 20
        let id = "chart-" + String(title.unicodeScalars.reduce(UInt32(5381)) { ($0 &* 33) &+ $1.value }, radix: 36)
        let header = series.map { "<th class=\"num\">\($0.label)</th>" as HTML }
        let rows = groups.map { g -> HTML in
            "<tr><th scope=\"row\">\(g.label)</th>\(g.values.map { "<td class=\"num\">\(format($0))</td>" as HTML })</tr>"
        }
        return """
        <figure class="chart">
        <svg viewBox="0 0 \(width) \(height)" role="img" aria-labelledby="\(id)-title \(id)-desc" xmlns="http://www.w3.org/2000/svg">
        <title id="\(id)-title">\(title)</title><desc id="\(id)-desc">\(summary)</desc>
        \(shapes)\(legend)
        </svg>
        <figcaption>\(title)\(dataTable ? HTML.empty : HTML("<span class=\"chart-summary\">\(values)</span>"))</figcaption>
        </figure>
        \(dataTable ? HTML("""
        <details class="chart-data"><summary>Données du graphique</summary><table class="list"><thead><tr><th scope="col"><span class="visually-hidden">Libellé</span></th>\(header)</tr></thead><tbody>\(rows)</tbody></table></details>
        """) : HTML.empty)
        """
    }
}
