import Foundation
import GrappeDomain

/// The top teams' score over time, as SVG drawn on the server: one step line per team, a
/// `<title>` and a description; the scoreboard table beside it says the same in words.
struct CTFScoreChart {
    struct Line: Sendable {
        let name: String
        let points: [(at: Date, score: Int)]
    }

    let title: String
    let from: Date
    let to: Date
    let lines: [Line]

    static let colours = ["#0b6e99", "#d94f04", "#2a9d4b", "#8e44ad", "#c0392b", "#16a085", "#b7950b", "#34495e", "#e84393", "#6d4c41"]

    func render() -> HTML {
        let width = 800.0, height = 360.0, left = 50.0, bottom = 30.0, top = 10.0, right = 150.0
        let span = max(to.timeIntervalSince(from), 1)
        let maxScore = max(lines.flatMap { $0.points.map(\.score) }.max() ?? 0, 1)
        func x(_ d: Date) -> Double { left + (width - left - right) * min(max(d.timeIntervalSince(from) / span, 0), 1) }
        func y(_ s: Int) -> Double { height - bottom - (height - bottom - top) * Double(max(s, 0)) / Double(maxScore) }
        let paths = lines.enumerated().map { i, line -> HTML in
            var d = "M\(Self.n(x(from))),\(Self.n(y(0)))"
            var last = 0
            for p in line.points {
                d += " H\(Self.n(x(p.at))) V\(Self.n(y(p.score)))"
                last = p.score
            }
            d += " H\(Self.n(x(to)))"
            let colour = Self.colours[i % Self.colours.count]
            return """
            <path d="\(d)" fill="none" stroke="\(colour)" stroke-width="2"><title>\(line.name) : \(last) pts</title></path>
            <text x="\(Self.n(width - right + 6))" y="\(Self.n(12 + Double(i) * 16))" font-size="12" fill="\(colour)">\(line.name)</text>
            """
        }
        let summary = lines.map { "\($0.name) \($0.points.last?.score ?? 0) pts" }.joined(separator: ", ")
        return """
        <figure class="ctf-chart"><svg viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="ctf-chart-title ctf-chart-desc">
        <title id="ctf-chart-title">\(title)</title><desc id="ctf-chart-desc">\(summary)</desc>
        <line x1="\(Int(left))" y1="\(Int(height - bottom))" x2="\(Int(width - right))" y2="\(Int(height - bottom))" stroke="#999"/>
        <line x1="\(Int(left))" y1="\(Int(top))" x2="\(Int(left))" y2="\(Int(height - bottom))" stroke="#999"/>
        <text x="\(Int(left - 6))" y="\(Int(top + 10))" font-size="11" text-anchor="end">\(maxScore)</text>
        <text x="\(Int(left - 6))" y="\(Int(height - bottom))" font-size="11" text-anchor="end">0</text>
        <text x="\(Int(left))" y="\(Int(height - 8))" font-size="11">\(FrenchDate.clock(from))</text>
        <text x="\(Int(width - right))" y="\(Int(height - 8))" font-size="11" text-anchor="end">\(FrenchDate.clock(to))</text>
        \(paths)
        </svg><figcaption>\(title)</figcaption></figure>
        """
    }

    static func n(_ v: Double) -> String { String(format: "%.1f", v) }

    /// The chart of the first `count` rows of a board.
    static func top(_ snap: CTFSnapshot, rows: [Standings.Row], count: Int, until: Date) -> CTFScoreChart {
        let cutoff = snap.edition.schedule.boardCutoff(snap.edition.status, at: until, staff: false)
        let lines = rows.prefix(count).map { r in
            Line(name: snap.teams[r.teamID]?.name ?? "",
                 points: Standings.progression(teamID: r.teamID, values: snap.values, solves: snap.solves, awards: snap.awards, cutoff: cutoff))
        }
        let start = snap.edition.schedule.startsAt
        return CTFScoreChart(title: "Score des \(min(count, rows.count)) premières équipes", from: start,
                             to: max(min(until, cutoff ?? snap.edition.schedule.endsAt, snap.edition.schedule.endsAt), start), lines: lines)
    }
}
