import Fluent
import Foundation
import GrappeDomain
import SQLKit

/// The figures of editions for the report and the staff, counted by the database: four grouped
/// queries whatever the number of editions, players or solves.
enum CTFFigureQueries {
    struct Edition: Sendable {
        let edition: CTFEdition
        let figures: CTFFigures
        /// Solves and first bloods per category, by category name.
        let categories: [CTFCategoryFigures]
        /// The teams that took a first blood, the most first.
        let firstBloodsByTeam: [(team: String, count: Int)]

        var solvesPerCategory: [(category: String, solves: Int)] { categories.map { ($0.category, $0.solves) } }
        /// The challenges solved at least once: one first blood each.
        var firstBloods: Int { categories.reduce(0) { $0 + $1.firstBloods } }
        var solves: Int { categories.reduce(0) { $0 + $1.solves } }
    }

    /// Every published edition up to `year`, oldest first. Hidden and banned teams are not
    /// counted among the teams, the solves or the first bloods.
    /// (PostgreSQL sums a BIGINT column into a NUMERIC: `births` is cast back to read as an Int.)
    static func editions(_ db: any Database, organisationID: UUID, upTo year: Int = 9999) async throws -> [Edition] {
        let editions = try await CTFEdition.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$year <= year)
            .filter(\.$status != .draft).with(\.$brackets).sort(\.$year).all()
        guard !editions.isEmpty else { return [] }
        let ids = try editions.map { try $0.requireID() }
        var totals: [Int: (players: Int, onSite: Int, counted: Int, births: Int, women: Int)] = [:]
        for r in try await db.sql.raw("""
            SELECT edition_id, COUNT(*) AS players,
            SUM(CASE WHEN checked_in_at IS NOT NULL THEN 1 ELSE 0 END) AS on_site,
            SUM(CASE WHEN statistics_consent = \(bind: true) THEN 1 ELSE 0 END) AS counted,
            CAST(SUM(CASE WHEN statistics_consent = \(bind: true) THEN birth_year ELSE 0 END) AS BIGINT) AS births,
            SUM(CASE WHEN statistics_consent = \(bind: true) AND gender = \(bind: Gender.female.rawValue) THEN 1 ELSE 0 END) AS women
            FROM ctf_players WHERE edition_id IN (\(binds: ids)) GROUP BY edition_id
            """).all() {
            totals[try r.decode(column: "edition_id", as: Int.self)] = (try r.decode(column: "players", as: Int.self), try r.decode(column: "on_site", as: Int.self),
                                                                       try r.decode(column: "counted", as: Int.self), try r.decode(column: "births", as: Int.self),
                                                                       try r.decode(column: "women", as: Int.self))
        }
        var teams: [Int: [(bracket: String?, student: Bool, count: Int)]] = [:]
        for r in try await db.sql.raw("""
            SELECT t.edition_id, b.name, b.student, COUNT(*) AS teams FROM ctf_teams t LEFT JOIN ctf_brackets b ON b.id = t.bracket_id
            WHERE t.edition_id IN (\(binds: ids)) AND t.hidden = \(bind: false) AND t.banned = \(bind: false) GROUP BY t.edition_id, b.name, b.student
            """).all() {
            teams[try r.decode(column: "edition_id", as: Int.self), default: []].append(
                (try r.decode(column: "name", as: String?.self), (try r.decode(column: "student", as: Bool?.self)) ?? false, try r.decode(column: "teams", as: Int.self)))
        }
        var categories: [Int: [CTFCategoryFigures]] = [:]
        for r in try await db.sql.raw("""
            SELECT s.edition_id, c.category, COUNT(*) AS solves, COUNT(DISTINCT s.challenge_id) AS solved
            FROM ctf_solves s JOIN ctf_challenges c ON c.id = s.challenge_id JOIN ctf_teams t ON t.id = s.team_id
            WHERE s.edition_id IN (\(binds: ids)) AND t.hidden = \(bind: false) AND t.banned = \(bind: false)
            GROUP BY s.edition_id, c.category ORDER BY c.category
            """).all() {
            categories[try r.decode(column: "edition_id", as: Int.self), default: []].append(CTFCategoryFigures(
                category: try r.decode(column: "category", as: String.self), solves: try r.decode(column: "solves", as: Int.self),
                firstBloods: try r.decode(column: "solved", as: Int.self)))
        }
        // A first blood: a solve with no earlier one of the same challenge by a counted team (on
        // the same instant, the lower team id wins, as `Standings.firstBloods` decides).
        var bloods: [Int: [(team: String, count: Int)]] = [:]
        for r in try await db.sql.raw("""
            SELECT s.edition_id, t.name, COUNT(*) AS bloods FROM ctf_solves s JOIN ctf_teams t ON t.id = s.team_id
            WHERE s.edition_id IN (\(binds: ids)) AND t.hidden = \(bind: false) AND t.banned = \(bind: false)
            AND NOT EXISTS (SELECT 1 FROM ctf_solves o JOIN ctf_teams ot ON ot.id = o.team_id
                WHERE o.challenge_id = s.challenge_id AND ot.hidden = \(bind: false) AND ot.banned = \(bind: false)
                AND (o.created_at < s.created_at OR (o.created_at = s.created_at AND o.team_id < s.team_id)))
            GROUP BY s.edition_id, t.name ORDER BY bloods DESC, t.name
            """).all() {
            bloods[try r.decode(column: "edition_id", as: Int.self), default: []].append((try r.decode(column: "name", as: String.self),
                                                                                       try r.decode(column: "bloods", as: Int.self)))
        }
        return try editions.map { e in
            let id = try e.requireID()
            let t = totals[id] ?? (0, 0, 0, 0, 0)
            let figures = CTFFigures(totals: .init(players: t.players, onSite: t.onSite, counted: t.counted, ageSum: t.counted * e.year - t.births, women: t.women),
                                     teams: teams[id] ?? [], brackets: e.brackets.sorted { $0.position < $1.position }.map(\.name))
            return Edition(edition: e, figures: figures, categories: categories[id] ?? [], firstBloodsByTeam: bloods[id] ?? [])
        }
    }
}
