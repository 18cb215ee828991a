import Foundation
import GrappeDomain

/// The figures of the closed diagnostics, year by year as the database summed them
/// (`DiagnosticFigureQueries.figures`): the staff's page, its CSV and the annual report read
/// this one value. A nil year means since the start.
///
/// Who is counted where: the totals (diagnostics per year and since the start, follow-ups,
/// grants) count every closed diagnostic — they are the work the cluster did and reports to its
/// funder, and a count says nothing of a business's answers. The breakdowns by commune, activity
/// and level and the averages count only the diagnostics whose request accepted the statistics:
/// the request form's consent promises that the business's answers are counted only with its
/// agreement, and in a small commune a breakdown by commune and activity points to one business,
/// whose level would then be read off the table.
struct DiagnosticFigures: Sendable {
    struct Place: Sendable, Equatable {
        let commune: String
        let activity: BusinessActivity
        let count: Int
    }

    /// When the first diagnostic was closed; nil when none was.
    let first: Date?
    let tallies: [Int: DiagnosticTally]
    let levels: [Int: [MaturityLevel: Int]]
    let places: [Int: [Place]]

    static let empty = DiagnosticFigures(first: nil, tallies: [:], levels: [:], places: [:])

    var years: [Int] { tallies.keys.sorted() }
    var isEmpty: Bool { tallies.isEmpty }

    /// The figures as they stood at the end of `year` (the annual report's).
    func upTo(_ year: Int) -> DiagnosticFigures {
        let kept = tallies.filter { $0.key <= year }
        return DiagnosticFigures(first: kept.isEmpty ? nil : first, tallies: kept,
                                 levels: levels.filter { $0.key <= year }, places: places.filter { $0.key <= year })
    }

    func tally(_ year: Int?) -> DiagnosticTally {
        if let year { return tallies[year] ?? DiagnosticTally() }
        return tallies.values.reduce(DiagnosticTally(), +)
    }

    /// The four levels in order, with the number of (counted) diagnostics at each.
    func levelCounts(_ year: Int?) -> [(level: MaturityLevel, count: Int)] {
        let picked = year.map { [levels[$0] ?? [:]] } ?? Array(levels.values)
        return MaturityLevel.allCases.map { level in (level, picked.reduce(0) { $0 + ($1[level] ?? 0) }) }
    }

    /// Counted diagnostics per commune, the most first, then by name.
    func communes(_ year: Int?) -> [(name: String, count: Int)] {
        var counts: [String: Int] = [:]
        for p in placeList(year) { counts[p.commune, default: 0] += p.count }
        return counts.map { ($0.key, $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : TextFolding.fold($0.name) < TextFolding.fold($1.name) }
    }

    /// Counted diagnostics per activity, in the form's order, activities without any left out.
    func activities(_ year: Int?) -> [(activity: BusinessActivity, count: Int)] {
        let list = placeList(year)
        return BusinessActivity.allCases.map { a in (a, list.filter { $0.activity == a }.reduce(0) { $0 + $1.count }) }.filter { $0.count > 0 }
    }

    private func placeList(_ year: Int?) -> [Place] {
        year.map { places[$0] ?? [] } ?? places.values.flatMap { $0 }
    }
}
