import Fluent
import Foundation
import GrappeDomain
import SQLKit

/// Everything about one edition that the play and the boards read, loaded in one go at a given
/// `board_version`: the challenges with their flags, the teams, the solves and awards, and the
/// standings computed from them. Readers never recompute it; `CTFBoards` replaces it when the
/// version in the database moves.
struct CTFSnapshot: Sendable {
    struct Challenge: Sendable {
        let id: Int
        let category: String
        let name: String
        let scoring: ChallengeScoring
        let maxAttempts: Int
        let visible: Bool
        let visibleFrom: Date?
        let position: Int
        let flags: [FlagRule]
        let requirements: Set<Int>
    }

    struct Team: Sendable {
        let id: Int
        let name: String
        let bracketID: Int?
        let hidden: Bool
        let banned: Bool
    }

    struct Player: Sendable {
        let id: Int
        let teamID: Int
        let pseudonym: String
    }

    /// Who solved what, to credit each player (CTFd lists the members' scores).
    struct Credit: Sendable {
        let playerID: Int
        let challengeID: Int
    }

    struct Edition: Sendable {
        let id: Int
        let year: Int
        let status: CTFEditionStatus
        let schedule: CTFSchedule
    }

    let edition: Edition
    let version: Int
    let challenges: [Int: Challenge]
    let teams: [Int: Team]
    let brackets: [(id: Int, name: String)]
    let players: [Int: Player]
    let credits: [Credit]
    let solves: [Standings.Solve]
    let awards: [Standings.Award]
    /// Teams that count on the boards: neither hidden nor banned.
    let counted: Set<Int>
    /// The current value of each challenge.
    let values: [Int: Int]
    let live: [Standings.Row]
    let firstBloods: [Int: Standings.Solve]
    /// Solves per challenge among counted teams.
    let solveCounts: [Int: Int]
    /// The challenges each team solved, for the attempt's checks (never a scan of all solves).
    let solvedByTeam: [Int: Set<Int>]
    /// Each team's players, and each player's points (the values of the challenges they solved).
    let membersByTeam: [Int: [Player]]
    let playerScores: [Int: Int]
    /// The highest solve id loaded: the next snapshot reads only the solves after it.
    let lastSolveID: Int

    /// The rows players see now: the live board, or the board as it stood at the freeze.
    func rows(at now: Date, staff: Bool) -> [Standings.Row] {
        guard let cutoff = edition.schedule.boardCutoff(edition.status, at: now, staff: staff) else { return live }
        return Standings.rank(values: values, solves: solves, awards: awards, counted: counted, cutoff: cutoff)
    }

    func isOpen(_ c: Challenge, solved: Set<Int>, at now: Date) -> Bool {
        AttemptRule.isOpen(visible: c.visible, visibleFrom: c.visibleFrom, requirements: c.requirements, solved: solved, at: now)
    }

    /// What the team had solved when the snapshot was taken.
    func solved(by teamID: Int) -> Set<Int> { solvedByTeam[teamID] ?? [] }

    /// What the team has solved now, read from the database: the pages a team reads right after
    /// a solve must show it (and open what it unlocks) even before the snapshot is rebuilt.
    static func solvedNow(by teamID: Int, on db: any Database) async throws -> Set<Int> {
        Set(try await db.sql.raw("SELECT challenge_id FROM ctf_solves WHERE team_id = \(bind: teamID)").all()
            .map { try $0.decode(column: "challenge_id", as: Int.self) })
    }

    /// The edition's current board version, or nil when the edition is gone.
    static func version(of editionID: Int, on db: any Database) async throws -> Int? {
        try await db.sql.select().column("board_version").from("ctf_editions").where("id", .equal, editionID)
            .first()?.decode(column: "board_version", as: Int.self)
    }

    /// What `build` needs, read from the database (the rows are decoded there).
    struct Rows: Sendable {
        let edition: Edition
        let version: Int
        let challenges: [(id: Int, category: String, name: String, scoring: ChallengeScoring, maxAttempts: Int, visible: Bool, visibleFrom: Date?, position: Int)]
        let brackets: [(id: Int, name: String)]
        let flags: [any SQLRow]
        let requirements: [any SQLRow]
        let teams: [any SQLRow]
        let players: [any SQLRow]
        let solves: SolveRows
        let awards: [any SQLRow]
    }

    /// The solves to build from: the previous snapshot's plus the rows after its last one, or
    /// every row of the edition (`earlier` nil).
    struct SolveRows: Sendable {
        let earlier: (solves: [Standings.Solve], credits: [Credit], lastID: Int)?
        let rows: [any SQLRow]
    }

    /// The edition's rows, or nil when it is gone: I/O only, the work is `build`'s. With the
    /// `previous` snapshot, only the solves after its last one are read (a full board is some
    /// 25 000 solves, read again every half second under a storm otherwise); see `solveRows`.
    static func rows(editionID: Int, on db: any Database, previous: CTFSnapshot? = nil) async throws -> Rows? {
        guard let e = try await CTFEdition.find(editionID, on: db) else { return nil }
        let sql = db.sql
        let flags = try await sql.raw("""
            SELECT f.challenge_id, f.kind, f.content, f.case_insensitive FROM ctf_flags f
            JOIN ctf_challenges c ON c.id = f.challenge_id WHERE c.edition_id = \(bind: editionID) ORDER BY f.id
            """).all()
        let requirements = try await sql.raw("""
            SELECT q.challenge_id, q.requires_id FROM ctf_requirements q
            JOIN ctf_challenges c ON c.id = q.challenge_id WHERE c.edition_id = \(bind: editionID)
            """).all()
        let challenges = try await CTFChallenge.query(on: db).filter(\.$edition.$id == editionID).all().map { c in
            (id: try c.requireID(), category: c.category, name: c.name, scoring: c.scoring, maxAttempts: c.maxAttempts,
             visible: c.state == .visible, visibleFrom: c.visibleFrom, position: c.position)
        }
        let teams = try await sql.raw("SELECT id, name, bracket_id, hidden, banned FROM ctf_teams WHERE edition_id = \(bind: editionID)").all()
        let players = try await sql.raw("SELECT id, team_id, pseudonym FROM ctf_players WHERE edition_id = \(bind: editionID)").all()
        let solves = try await solveRows(editionID: editionID, on: sql, previous: previous)
        let awards = try await sql.raw("SELECT team_id, value, created_at FROM ctf_awards WHERE edition_id = \(bind: editionID)").all()
        let brackets = try await CTFBracket.query(on: db).filter(\.$edition.$id == editionID).sort(\.$position).all()
        return Rows(edition: Edition(id: editionID, year: e.year, status: e.status, schedule: e.schedule), version: e.boardVersion,
                    challenges: challenges, brackets: try brackets.map { (try $0.requireID(), $0.name) }, flags: flags,
                    requirements: requirements, teams: teams, players: players, solves: solves, awards: awards)
    }

    /// Solves are only ever added by the attempt desk, each batch under the edition's lock, so
    /// their ids grow in commit order: the rows after the previous snapshot's last id are the
    /// new ones. Anything else shows, and then every solve is read again: a solve removed (with
    /// its team or challenge) makes a count that does not add up, and the previous last solve
    /// must still be there as it was (SQLite gives the highest id again once its row is deleted).
    static func solveRows(editionID: Int, on sql: any SQLDatabase, previous: CTFSnapshot?) async throws -> SolveRows {
        let columns = "SELECT id, team_id, player_id, challenge_id, created_at FROM ctf_solves"
        func all() async throws -> SolveRows {
            SolveRows(earlier: nil, rows: try await sql.raw("\(unsafeRaw: columns) WHERE edition_id = \(bind: editionID) ORDER BY id").all())
        }
        guard let previous, previous.lastSolveID > 0, let lastSolve = previous.solves.last else { return try await all() }
        let rows = try await sql.raw("\(unsafeRaw: columns) WHERE edition_id = \(bind: editionID) AND id >= \(bind: previous.lastSolveID) ORDER BY id").all()
        guard let first = rows.first, try first.decode(column: "id", as: Int.self) == previous.lastSolveID,
              try first.decode(column: "team_id", as: Int.self) == lastSolve.teamID,
              try first.decode(column: "challenge_id", as: Int.self) == lastSolve.challengeID,
              try first.decode(column: "created_at", as: Date.self) == lastSolve.at else { return try await all() }
        let after = Array(rows.dropFirst())
        let last = try after.last?.decode(column: "id", as: Int.self) ?? previous.lastSolveID
        let count = try await sql.raw("SELECT COUNT(*) AS n FROM ctf_solves WHERE edition_id = \(bind: editionID) AND id <= \(bind: last)")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        guard count == previous.solves.count + after.count else { return try await all() }
        return SolveRows(earlier: (previous.solves, previous.credits, previous.lastSolveID), rows: after)
    }

    /// The snapshot of `rows`: the decoding and the standings, a few milliseconds of work for a
    /// full board that `CTFBoards` does off the event loops.
    static func build(_ rows: Rows) throws -> CTFSnapshot {
        var flags: [Int: [FlagRule]] = [:]
        for r in rows.flags {
            let kind = FlagRule.Kind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .static
            flags[try r.decode(column: "challenge_id", as: Int.self), default: []].append(
                FlagRule(kind: kind, content: try r.decode(column: "content", as: String.self),
                         caseInsensitive: try r.decode(column: "case_insensitive", as: Bool.self)))
        }
        var requirements: [Int: Set<Int>] = [:]
        for r in rows.requirements {
            requirements[try r.decode(column: "challenge_id", as: Int.self), default: []].insert(try r.decode(column: "requires_id", as: Int.self))
        }
        var challenges: [Int: Challenge] = [:]
        for c in rows.challenges {
            challenges[c.id] = Challenge(id: c.id, category: c.category, name: c.name, scoring: c.scoring, maxAttempts: c.maxAttempts,
                                         visible: c.visible, visibleFrom: c.visibleFrom, position: c.position,
                                         flags: flags[c.id] ?? [], requirements: requirements[c.id] ?? [])
        }
        var teams: [Int: Team] = [:]
        for r in rows.teams {
            let id = try r.decode(column: "id", as: Int.self)
            teams[id] = Team(id: id, name: try r.decode(column: "name", as: String.self), bracketID: try r.decode(column: "bracket_id", as: Int?.self),
                             hidden: try r.decode(column: "hidden", as: Bool.self), banned: try r.decode(column: "banned", as: Bool.self))
        }
        var players: [Int: Player] = [:]
        for r in rows.players {
            let id = try r.decode(column: "id", as: Int.self)
            players[id] = Player(id: id, teamID: try r.decode(column: "team_id", as: Int.self), pseudonym: try r.decode(column: "pseudonym", as: String.self))
        }
        var solves = rows.solves.earlier?.solves ?? [], credits = rows.solves.earlier?.credits ?? []
        var lastSolveID = rows.solves.earlier?.lastID ?? 0
        solves.reserveCapacity(solves.count + rows.solves.rows.count)
        credits.reserveCapacity(credits.count + rows.solves.rows.count)
        for r in rows.solves.rows {
            lastSolveID = max(lastSolveID, try r.decode(column: "id", as: Int.self))
            let challengeID = try r.decode(column: "challenge_id", as: Int.self)
            solves.append(Standings.Solve(teamID: try r.decode(column: "team_id", as: Int.self), challengeID: challengeID,
                                          at: try r.decode(column: "created_at", as: Date.self)))
            credits.append(Credit(playerID: try r.decode(column: "player_id", as: Int.self), challengeID: challengeID))
        }
        let awards = try rows.awards.map {
            Standings.Award(teamID: try $0.decode(column: "team_id", as: Int.self), value: try $0.decode(column: "value", as: Int.self),
                            at: try $0.decode(column: "created_at", as: Date.self))
        }
        let counted = Set(teams.values.filter { !$0.hidden && !$0.banned }.map(\.id))
        let values = Standings.values(scoring: challenges.mapValues(\.scoring), solves: solves, counted: counted)
        var solveCounts: [Int: Int] = [:]
        for s in solves where counted.contains(s.teamID) { solveCounts[s.challengeID, default: 0] += 1 }
        return CTFSnapshot(
            edition: rows.edition, version: rows.version,
            challenges: challenges, teams: teams, brackets: rows.brackets,
            players: players, credits: credits, solves: solves, awards: awards, counted: counted, values: values,
            live: Standings.rank(values: values, solves: solves, awards: awards, counted: counted),
            firstBloods: Standings.firstBloods(solves, counted: counted), solveCounts: solveCounts,
            solvedByTeam: solves.reduce(into: [:]) { table, s in table[s.teamID, default: []].insert(s.challengeID) },
            membersByTeam: Dictionary(grouping: players.values, by: \.teamID).mapValues { $0.sorted { $0.id < $1.id } },
            playerScores: credits.reduce(into: [:]) { table, c in table[c.playerID, default: 0] += values[c.challengeID] ?? 0 },
            lastSolveID: lastSolveID)
    }
}
