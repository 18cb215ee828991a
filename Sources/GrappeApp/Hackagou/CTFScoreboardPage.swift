import Foundation
import GrappeDomain

/// A scoreboard as the public, the players or the staff see it, overall or for one bracket.
struct CTFScoreboardPage: Sendable {
    struct Row: Sendable {
        let position: Int
        let name: String
        let bracket: String?
        let score: Int
        let solves: Int
    }

    let title: String
    let year: Int
    let brackets: [(id: Int, name: String)]
    let bracketID: Int?
    let rows: [Row]
    /// When the board players see stopped moving; nil for a live board.
    let frozenAt: Date?
    let chart: CTFScoreChart?

    static func build(_ snap: CTFSnapshot, edition: CTFEdition, bracketID: Int?, staff: Bool, now: Date, limit: Int? = nil) -> CTFScoreboardPage {
        let all = snap.rows(at: now, staff: staff)
        let filtered = all.filter { bracketID == nil || snap.teams[$0.teamID]?.bracketID == bracketID }
        let shown = limit.map { Array(filtered.prefix($0)) } ?? filtered
        let rows = shown.enumerated().map { i, r in
            Row(position: i + 1, name: snap.teams[r.teamID]?.name ?? "", bracket: snap.bracketName(snap.teams[r.teamID]?.bracketID),
                score: r.score, solves: r.solves)
        }
        return CTFScoreboardPage(title: edition.title, year: edition.year, brackets: snap.brackets, bracketID: bracketID, rows: rows,
                                 frozenAt: snap.edition.schedule.boardCutoff(snap.edition.status, at: now, staff: staff),
                                 chart: filtered.isEmpty ? nil : CTFScoreChart.top(snap, rows: filtered, count: 10, until: now))
    }
}
