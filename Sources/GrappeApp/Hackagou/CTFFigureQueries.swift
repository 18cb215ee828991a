import Fluent
import Foundation
import GrappeDomain
import SQLKit

/// The figures of editions for the report and the staff: one query per table, whatever the
/// number of players.
enum CTFFigureQueries {
    struct Edition: Sendable {
        let edition: CTFEdition
        let figures: CTFFigures
        /// Solves per category, and the number of first bloods (challenges solved at least once).
        let solvesPerCategory: [(category: String, solves: Int)]
        let firstBloods: Int
    }

    /// Every edition up to `year`, oldest first.
    static func editions(_ db: any Database, organisationID: UUID, upTo year: Int) async throws -> [Edition] {
        let editions = try await CTFEdition.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$year <= year)
            .filter(\.$status != .draft).with(\.$brackets).sort(\.$year).all()
        guard !editions.isEmpty else { return [] }
        let ids = try editions.map { try $0.requireID() }
        var players: [Int: [CTFFigures.Player]] = [:]
        for r in try await db.sql.select().column("edition_id").column("birth_year").column("gender").column("statistics_consent").column("checked_in_at")
            .from("ctf_players").where("edition_id", .in, ids).all() {
            players[try r.decode(column: "edition_id", as: Int.self), default: []].append(CTFFigures.Player(
                birthYear: try r.decode(column: "birth_year", as: Int.self), gender: (try r.decode(column: "gender", as: String?.self)).flatMap { Gender(rawValue: $0) },
                statisticsConsent: try r.decode(column: "statistics_consent", as: Bool.self),
                onSite: try r.decode(column: "checked_in_at", as: Date?.self) != nil))
        }
        var teams: [Int: [(bracket: String?, student: Bool)]] = [:]
        for r in try await db.sql.raw("""
            SELECT t.edition_id, b.name, b.student FROM ctf_teams t LEFT JOIN ctf_brackets b ON b.id = t.bracket_id
            WHERE t.hidden = \(bind: false) AND t.banned = \(bind: false)
            """).all() {
            teams[try r.decode(column: "edition_id", as: Int.self), default: []].append(
                (try r.decode(column: "name", as: String?.self), (try r.decode(column: "student", as: Bool?.self)) ?? false))
        }
        var categories: [Int: [(String, Int)]] = [:], bloods: [Int: Int] = [:]
        for r in try await db.sql.raw("""
            SELECT s.edition_id, c.category, COUNT(*) AS solves, COUNT(DISTINCT s.challenge_id) AS solved
            FROM ctf_solves s JOIN ctf_challenges c ON c.id = s.challenge_id JOIN ctf_teams t ON t.id = s.team_id
            WHERE t.hidden = \(bind: false) AND t.banned = \(bind: false) GROUP BY s.edition_id, c.category ORDER BY c.category
            """).all() {
            let id = try r.decode(column: "edition_id", as: Int.self)
            categories[id, default: []].append((try r.decode(column: "category", as: String.self), try r.decode(column: "solves", as: Int.self)))
            bloods[id, default: 0] += try r.decode(column: "solved", as: Int.self)
        }
        return try editions.map { e in
            let id = try e.requireID()
            return Edition(edition: e, figures: CTFFigures(year: e.year, players: players[id] ?? [], teams: teams[id] ?? [],
                                                           brackets: e.brackets.sorted { $0.position < $1.position }.map(\.name)),
                           solvesPerCategory: (categories[id] ?? []).map { ($0.0, $0.1) }, firstBloods: bloods[id] ?? 0)
        }
    }
}
