import Fluent
import Foundation
import GrappeDomain
import SQLKit

/// Queries about editions that several pages share.
enum CTFEditions {
    /// The edition the API and the public pages mean by default: the one running (or frozen),
    /// else the latest that is not a draft.
    static func currentID(_ db: any Database, organisationID: UUID) async throws -> Int? {
        let editions = try await CTFEdition.query(on: db).filter(\.$organisation.$id == organisationID)
            .filter(\.$status != .draft).sort(\.$year, .descending).all()
        return (editions.first { $0.status == .running || $0.status == .frozen } ?? editions.first)?.id
    }

    static func byYear(_ db: any Database, organisationID: UUID, year: Int) async throws -> CTFEdition? {
        try await CTFEdition.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$year == year).with(\.$brackets).first()
    }

    /// The editions, latest first, with their teams and players (drafts only when asked).
    static func lines(_ db: any Database, organisationID: UUID, drafts: Bool) async throws -> [CTFPublicView.EditionLine] {
        var query = CTFEdition.query(on: db).filter(\.$organisation.$id == organisationID).sort(\.$year, .descending)
        if !drafts { query = query.filter(\.$status != .draft) }
        let counts = try await counts(db, organisationID: organisationID)
        return try await query.all().map { e in
            let id = try e.requireID()
            return CTFPublicView.EditionLine(year: e.year, number: e.number, theme: e.theme, place: e.place, day: e.startsAt, status: e.status,
                                             teams: counts[id]?.teams ?? 0, players: counts[id]?.players ?? 0)
        }
    }

    /// Teams and players per edition.
    static func counts(_ db: any Database, organisationID: UUID) async throws -> [Int: (teams: Int, players: Int)] {
        var out: [Int: (teams: Int, players: Int)] = [:]
        for r in try await db.sql.raw("""
            SELECT e.id, (SELECT COUNT(*) FROM ctf_teams t WHERE t.edition_id = e.id) AS teams,
            (SELECT COUNT(*) FROM ctf_players p WHERE p.edition_id = e.id) AS players
            FROM ctf_editions e WHERE e.organisation_id = \(bind: organisationID)
            """).all() {
            out[try r.decode(column: "id", as: Int.self)] = (try r.decode(column: "teams", as: Int.self), try r.decode(column: "players", as: Int.self))
        }
        return out
    }

    /// The companies whose membership is active in `year`, by name: a team may say it is one.
    static func memberCompanies(_ db: any Database, organisationID: UUID, year: Int) async throws -> [(String, String)] {
        try await db.sql.raw("""
            SELECT c.id, c.name FROM companies c JOIN memberships m ON m.company_id = c.id
            WHERE c.organisation_id = \(bind: organisationID) AND m.year = \(bind: year) AND m.status = 'active' ORDER BY \(unsafeRaw: SQLFrenchOrder.order("c.name"))
            """).all().map { (try $0.decode(column: "id", as: UUID.self).uuidString, try $0.decode(column: "name", as: String.self)) }
    }

    /// Each challenge's tags.
    static func tags(_ db: any Database, editionID: Int) async throws -> [Int: [String]] {
        var tags: [Int: [String]] = [:]
        for r in try await db.sql.raw("""
            SELECT t.challenge_id, t.value FROM ctf_tags t JOIN ctf_challenges c ON c.id = t.challenge_id
            WHERE c.edition_id = \(bind: editionID) ORDER BY t.id
            """).all() {
            tags[try r.decode(column: "challenge_id", as: Int.self), default: []].append(try r.decode(column: "value", as: String.self))
        }
        return tags
    }

    /// Each team's school or company.
    static func affiliations(_ db: any Database, editionID: Int) async throws -> [Int: String] {
        var out: [Int: String] = [:]
        for r in try await db.sql.raw("SELECT id, affiliation FROM ctf_teams WHERE edition_id = \(bind: editionID)").all() {
            let a = try r.decode(column: "affiliation", as: String.self)
            if !a.isEmpty { out[try r.decode(column: "id", as: Int.self)] = a }
        }
        return out
    }
}

/// What a challenge's page shows a team beyond the snapshot: its text, tags, hints (with the
/// team's unlocks) and the attempts the team used.
struct CTFChallengeDetail: Sendable {
    struct Hint: Sendable {
        let id: Int
        let cost: Int
        let content: String
        let unlocked: Bool
    }

    let about: String
    let connectionInfo: String
    let author: String
    let tags: [String]
    let hints: [Hint]
    let attemptsUsed: Int
    let files: [(id: Int, filename: String, size: Int)]
}

enum CTFChallengeQueries {
    static func detail(_ db: any Database, challengeID: Int, teamID: Int) async throws -> CTFChallengeDetail? {
        guard let c = try await CTFChallenge.query(on: db).filter(\.$id == challengeID).with(\.$tags).with(\.$hints).first() else { return nil }
        let unlocked = Set(try await db.sql.raw("""
            SELECT u.hint_id FROM ctf_hint_unlocks u JOIN ctf_hints h ON h.id = u.hint_id
            WHERE h.challenge_id = \(bind: challengeID) AND u.team_id = \(bind: teamID)
            """).all().map { try $0.decode(column: "hint_id", as: Int.self) })
        let used = try await db.sql.raw("""
            SELECT used FROM ctf_attempt_counts WHERE challenge_id = \(bind: challengeID) AND team_id = \(bind: teamID)
            """).first()?.decode(column: "used", as: Int.self) ?? 0
        return CTFChallengeDetail(
            about: c.about, connectionInfo: c.connectionInfo, author: c.author, tags: c.tags.map(\.value),
            hints: try c.hints.sorted { $0.position < $1.position }.map {
                let id = try $0.requireID()
                return .init(id: id, cost: $0.cost, content: $0.content, unlocked: $0.cost == 0 || unlocked.contains(id))
            },
            attemptsUsed: used, files: try await CTFFileService.list(db, challengeID: challengeID))
    }
}
