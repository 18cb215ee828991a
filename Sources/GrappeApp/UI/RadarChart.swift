import Foundation

/// A radar chart drawn as SVG on the server: one axis per value (0 to `maximum` from the centre
/// outwards), one polygon per series, rings at each quarter. Like `BarChart`: a `<title>`, a
/// description that says every value, `role="img"`, colours given as SVG attributes (PDF
/// engines may not apply page styles inside SVG) and a table that says the same.
struct RadarChart {
    struct Series {
        let label: String
        /// One value per axis, in the axes' order.
        let values: [Double]
        /// Drawn dashed and unfilled: the earlier of two series.
        var dashed = false
        var stroke: String { dashed ? "#a15c00" : "#0b6e99" }
    }

    let title: String
    let axes: [String]
    let series: [Series]
    var maximum = 100.0
    var format: (Double) -> String = { String(Int($0.rounded(.toNearestOrAwayFromZero))) }

    /// Wide enough for the longest axis label on either side (about 6.5 px a character at 12 px).
    static let width = 600.0, radius = 150.0
    private var centre: (x: Double, y: Double) { (Self.width / 2, 200) }

    /// Where value `value` of axis `index` sits: the first axis points up, the others follow clockwise.
    func point(axis index: Int, value: Double) -> (x: Double, y: Double) {
        let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(max(axes.count, 1))
        let r = Self.radius * min(max(value, 0), maximum) / maximum
        return (centre.x + r * cos(angle), centre.y + r * sin(angle))
    }

    static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    private func polygon(_ values: [Double]) -> String {
        axes.indices.map { i in
            let p = point(axis: i, value: i < values.count ? values[i] : 0)
            return "\(Self.number(p.x)),\(Self.number(p.y))"
        }.joined(separator: " ")
    }

    /// The chart in words: every series, every axis.
    var summary: String {
        let parts = series.map { s in
            (series.count > 1 ? "\(s.label) : " : "") + axes.enumerated().map { i, axis in
                "\(axis) \(i < s.values.count ? format(s.values[i]) : "—")"
            }.joined(separator: ", ")
        }
        return "\(title). " + parts.joined(separator: " ; ") + "."
    }

    func render(dataTable: Bool = true) -> HTML {
        let rings = [0.25, 0.5, 0.75, 1].map { share -> HTML in
            "<polygon points=\"\(polygon(Array(repeating: maximum * share, count: axes.count)))\" fill=\"none\" stroke=\"#c5ccd8\" stroke-width=\"1\"></polygon>"
        }
        let spokes = axes.indices.map { i -> HTML in
            let end = point(axis: i, value: maximum)
            return "<line x1=\"\(Self.number(centre.x))\" y1=\"\(Self.number(centre.y))\" x2=\"\(Self.number(end.x))\" y2=\"\(Self.number(end.y))\" stroke=\"#c5ccd8\" stroke-width=\"1\"></line>"
        }
        let labels = axes.enumerated().map { i, axis -> HTML in
            let p = point(axis: i, value: maximum * 1.12)
            let anchor = abs(p.x - centre.x) < 1 ? "middle" : p.x > centre.x ? "start" : "end"
            let dy = p.y < centre.y - 1 ? -2.0 : p.y > centre.y + 1 ? 12.0 : 4.0
            return "<text x=\"\(Self.number(p.x))\" y=\"\(Self.number(p.y + dy))\" text-anchor=\"\(anchor)\" class=\"chart-label\" font-size=\"12\" fill=\"#1d2433\">\(axis)</text>"
        }
        let shapes = series.enumerated().map { index, s -> HTML in
            let dots = axes.indices.filter { $0 < s.values.count }.map { i -> HTML in
                let p = point(axis: i, value: s.values[i])
                return "<circle cx=\"\(Self.number(p.x))\" cy=\"\(Self.number(p.y))\" r=\"3.5\" fill=\"\(s.stroke)\"><title>\(s.label) – \(axes[i]) : \(format(s.values[i]))</title></circle>"
            }
            let fill: HTML = s.dashed ? "fill=\"none\" stroke-dasharray=\"6 4\"" : "fill=\"\(s.stroke)\" fill-opacity=\"0.2\""
            return "<g class=\"radar-series radar-series-\(index + 1)\"><polygon points=\"\(polygon(s.values))\" \(fill) stroke=\"\(s.stroke)\" stroke-width=\"2\"></polygon>\(dots)</g>"
        }
        let legendY = centre.y + Self.radius + 45
        let legend = series.count < 2 ? [] : series.enumerated().map { index, s -> HTML in
            let x = 110.0 + Double(index) * 210
            return "<line x1=\"\(Self.number(x))\" y1=\"\(Self.number(legendY - 4))\" x2=\"\(Self.number(x + 24))\" y2=\"\(Self.number(legendY - 4))\" stroke=\"\(s.stroke)\" stroke-width=\"3\"\(s.dashed ? HTML(" stroke-dasharray=\"6 4\"") : .empty)></line><text x=\"\(Self.number(x + 30))\" y=\"\(Self.number(legendY))\" class=\"chart-label\" font-size=\"12\" fill=\"#1d2433\">\(s.label)</text>"
        }
        let height = series.count < 2 ? centre.y + Self.radius + 30 : legendY + 12
        let id = "radar-" + String(title.unicodeScalars.reduce(UInt32(5381)) { ($0 &* 33) &+ $1.value }, radix: 36)
        let header = series.map { "<th class=\"num\">\($0.label)</th>" as HTML }
        let rows = axes.enumerated().map { i, axis -> HTML in
            "<tr><th scope=\"row\">\(axis)</th>\(series.map { "<td class=\"num\">\(i < $0.values.count ? format($0.values[i]) : "—")</td>" as HTML })</tr>"
        }
        return """
        <figure class="chart radar">
        <svg viewBox="0 0 \(Self.number(Self.width)) \(Self.number(height))" role="img" aria-labelledby="\(id)-title \(id)-desc" xmlns="http://www.w3.org/2000/svg">
        <title id="\(id)-title">\(title)</title><desc id="\(id)-desc">\(summary)</desc>
        \(rings)\(spokes)\(shapes)\(labels)\(legend)
        </svg>
        <figcaption>\(title)</figcaption>
        \(dataTable ? HTML("""
        <details class="chart-data"><summary>Données du graphique</summary><table class="list"><thead><tr><th></th>\(header)</tr></thead><tbody>\(rows)</tbody></table></details>
        """) : HTML.empty)
        </figure>
        """
    }
}
