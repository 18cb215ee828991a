import Fluent
import Foundation
import SQLKit
import GrappeDomain

/// What the players' pages show, read from the edition's snapshot (and, for a challenge or the
/// team, a few rows the snapshot does not hold).
struct CTFBoardPage: Sendable {
    struct Tile: Sendable {
        let id: Int
        let name: String
        let value: Int
        let solves: Int
        let solvedByTeam: Bool
        /// The team that solved it first, when there is one.
        let firstBlood: String?
    }

    let editionTitle: String
    let theme: String
    let teamName: String
    let score: Int
    let position: Int?
    let teamCount: Int
    let running: Bool
    let frozen: Bool
    let endsAt: Date
    /// Category → tiles, categories in French order.
    let categories: [(name: String, tiles: [Tile])]

    /// `solved`: the team's solves now.
    static func build(_ snap: CTFSnapshot, edition: CTFEdition, player: CTFPlayerIdentity, solved: Set<Int>, now: Date) -> CTFBoardPage {
        let rows = snap.rows(at: now, staff: false)
        let mine = rows.first { $0.teamID == player.teamID }
        let tiles = snap.openChallenges(solved: solved, at: now).map { c in
            Tile(id: c.id, name: c.name, value: snap.values[c.id] ?? c.scoring.initial, solves: snap.solveCounts[c.id] ?? 0,
                 solvedByTeam: solved.contains(c.id), firstBlood: snap.firstBloods[c.id].flatMap { snap.teams[$0.teamID]?.name })
        }
        let grouped = Dictionary(grouping: tiles) { snap.challenges[$0.id]?.category ?? "" }
        let categories = grouped.keys.sorted { $0.compare($1, locale: Locale(identifier: "fr")) == .orderedAscending }.map { ($0, grouped[$0] ?? []) }
        return CTFBoardPage(editionTitle: edition.title, theme: edition.theme, teamName: snap.teams[player.teamID]?.name ?? "",
                            score: mine?.score ?? 0, position: mine?.position, teamCount: rows.count,
                            running: snap.edition.schedule.acceptsSubmissions(snap.edition.status, at: now),
                            frozen: snap.edition.schedule.boardCutoff(snap.edition.status, at: now, staff: false) != nil,
                            endsAt: edition.endsAt, categories: categories)
    }
}

/// One challenge as a team sees it.
struct CTFChallengePage: Sendable {
    let id: Int
    let name: String
    let category: String
    let value: Int
    let solves: Int
    let solvedByTeam: Bool
    let maxAttempts: Int
    let detail: CTFChallengeDetail
    let firstBlood: String?

    static func build(_ snap: CTFSnapshot, challenge c: CTFSnapshot.Challenge, detail: CTFChallengeDetail, solved: Set<Int>) -> CTFChallengePage {
        CTFChallengePage(id: c.id, name: c.name, category: c.category, value: snap.values[c.id] ?? c.scoring.initial,
                         solves: snap.solveCounts[c.id] ?? 0, solvedByTeam: solved.contains(c.id), maxAttempts: c.maxAttempts,
                         detail: detail, firstBlood: snap.firstBloods[c.id].flatMap { snap.teams[$0.teamID]?.name })
    }

    var attemptsLeft: Int? { maxAttempts > 0 ? max(maxAttempts - detail.attemptsUsed, 0) : nil }
}

/// A team's own page: its players, invite code, solves and awards.
struct CTFTeamPage: Sendable {
    struct Line: Sendable {
        let at: Date
        let label: String
        let by: String?
        let value: Int
        let firstBlood: Bool
    }

    let name: String
    let bracket: String?
    let affiliation: String
    let inviteCode: String
    let teamSize: Int
    let players: [(pseudonym: String, captain: Bool)]
    let score: Int
    let position: Int?
    let lines: [Line]

    static func load(_ db: any Database, snap: CTFSnapshot, edition: CTFEdition, teamID: Int, now: Date) async throws -> CTFTeamPage? {
        guard let team = try await CTFTeam.query(on: db).filter(\.$id == teamID).with(\.$players).first() else { return nil }
        let row = snap.rows(at: now, staff: false).first { $0.teamID == teamID }
        var lines: [Line] = []
        let solverRows = try await db.sql.raw("""
            SELECT s.challenge_id, s.created_at, p.pseudonym FROM ctf_solves s JOIN ctf_players p ON p.id = s.player_id
            WHERE s.team_id = \(bind: teamID) ORDER BY s.created_at
            """).all()
        for r in solverRows {
            let cid = try r.decode(column: "challenge_id", as: Int.self)
            let at = try r.decode(column: "created_at", as: Date.self)
            lines.append(Line(at: at, label: snap.challenges[cid]?.name ?? "", by: try r.decode(column: "pseudonym", as: String.self),
                              value: snap.values[cid] ?? 0, firstBlood: snap.firstBloods[cid]?.teamID == teamID))
        }
        for a in try await CTFAward.query(on: db).filter(\.$team.$id == teamID).sort(\.$createdAt).all() {
            lines.append(Line(at: a.createdAt, label: a.name, by: nil, value: a.value, firstBlood: false))
        }
        return CTFTeamPage(name: team.name, bracket: snap.bracketName(team.$bracket.id), affiliation: team.affiliation, inviteCode: team.inviteCode,
                           teamSize: edition.teamSize, players: team.players.sorted { $0.id ?? 0 < $1.id ?? 0 }.map { ($0.pseudonym, $0.captain) },
                           score: row?.score ?? 0, position: row?.position, lines: lines.sorted { $0.at < $1.at })
    }
}
