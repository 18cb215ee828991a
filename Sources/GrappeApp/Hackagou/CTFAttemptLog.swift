import Fluent
import Foundation
import SQLKit

/// The submission log of an edition, and what in it looks like brute force or flag sharing.
enum CTFAttemptLog {
    static func page(_ db: any Database, editionID: Int, wrongOnly: Bool, page: Int?) async throws -> (lines: [CTFTeamAdminView.AttemptLine], pages: Pagination) {
        let wrong: SQLQueryString = wrongOnly ? " AND a.correct = \(bind: false)" : ""
        let total = try await db.sql.raw("SELECT COUNT(*) AS n FROM ctf_attempts a WHERE a.edition_id = \(bind: editionID)" + wrong).first()?
            .decode(column: "n", as: Int.self) ?? 0
        let pages = Pagination(page: page, perPage: 100, total: total)
        let rows = try await db.sql.raw("""
            SELECT a.created_at, a.submission, a.correct, a.ip, t.name AS team, p.pseudonym AS player, c.name AS challenge
            FROM ctf_attempts a JOIN ctf_teams t ON t.id = a.team_id JOIN ctf_players p ON p.id = a.player_id JOIN ctf_challenges c ON c.id = a.challenge_id
            WHERE a.edition_id = \(bind: editionID)
            """ + wrong + " ORDER BY a.created_at DESC, a.id DESC LIMIT \(bind: pages.perPage) OFFSET \(bind: pages.offset)").all()
        let lines = try rows.map {
            CTFTeamAdminView.AttemptLine(at: try $0.decode(column: "created_at", as: Date.self), team: try $0.decode(column: "team", as: String.self),
                                         player: try $0.decode(column: "player", as: String.self), challenge: try $0.decode(column: "challenge", as: String.self),
                                         submission: try $0.decode(column: "submission", as: String.self), correct: try $0.decode(column: "correct", as: Bool.self),
                                         ip: try $0.decode(column: "ip", as: String.self))
        }
        return (lines, pages)
    }

    /// Wrong flags sent by more than one team.
    static func shared(_ db: any Database, editionID: Int) async throws -> [(submission: String, teams: Int)] {
        try await db.sql.raw("""
            SELECT submission, COUNT(DISTINCT team_id) AS teams FROM ctf_attempts WHERE edition_id = \(bind: editionID) AND correct = \(bind: false)
            GROUP BY submission HAVING COUNT(DISTINCT team_id) > 1 ORDER BY teams DESC, submission LIMIT 10
            """).all().map { (try $0.decode(column: "submission", as: String.self), try $0.decode(column: "teams", as: Int.self)) }
    }

    /// The teams with the most wrong flags.
    static func noisy(_ db: any Database, editionID: Int) async throws -> [(team: String, wrong: Int)] {
        try await db.sql.raw("""
            SELECT t.name, COUNT(*) AS wrong FROM ctf_attempts a JOIN ctf_teams t ON t.id = a.team_id
            WHERE a.edition_id = \(bind: editionID) AND a.correct = \(bind: false) GROUP BY t.id, t.name ORDER BY wrong DESC, t.name LIMIT 10
            """).all().map { (try $0.decode(column: "name", as: String.self), try $0.decode(column: "wrong", as: Int.self)) }
    }
}
