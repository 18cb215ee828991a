import Foundation
import GrappeDomain
import SQLKit

/// The statements a batch of flag submissions runs (`AttemptDesk`): the state it reads, and what
/// it writes, either one statement per table (SQLite) or all in one (PostgreSQL, `AttemptLine`).
enum AttemptWrites {
    /// The attempts used and the solves of `keys`, in one statement. The pairs are joined as a
    /// VALUES list, each one an index probe: the former
    /// `IN (challenges) AND IN (teams)` matched every combination of the two lists and took
    /// 2–3 ms a batch on PostgreSQL. `keys` is not empty.
    static func stateQuery(_ keys: Set<AttemptKey>) -> SQLQueryString {
        let sorted = keys.sorted()
        func pairs() -> SQLQueryString {
            sorted.map { "(\(bind: $0.challengeID), \(bind: $0.teamID))" as SQLQueryString }.joined(separator: ", ")
        }
        return """
            SELECT c.challenge_id, c.team_id, c.used, 0 AS solved FROM ctf_attempt_counts c
            JOIN (VALUES \(pairs())) AS k ON c.challenge_id = k.column1 AND c.team_id = k.column2
            UNION ALL
            SELECT s.challenge_id, s.team_id, 0 AS used, 1 AS solved FROM ctf_solves s
            JOIN (VALUES \(pairs())) AS k ON s.challenge_id = k.column1 AND s.team_id = k.column2
            """
    }

    static func state(from rows: [any SQLRow], keys: Set<AttemptKey>) throws -> ([AttemptKey: Int], Set<AttemptKey>) {
        var used: [AttemptKey: Int] = [:]
        var solved: Set<AttemptKey> = []
        for row in rows {
            let key = AttemptKey(challengeID: try row.decode(column: "challenge_id", as: Int.self), teamID: try row.decode(column: "team_id", as: Int.self))
            guard keys.contains(key) else { continue }
            if try row.decode(column: "solved", as: Int.self) == 1 { solved.insert(key) } else { used[key] = try row.decode(column: "used", as: Int.self) }
        }
        return (used, solved)
    }

    /// Counters, solves, the attempts' log and the board versions in one statement (PostgreSQL's
    /// writing CTEs), answering the solves inserted; nil when there is nothing to write. A batch
    /// holds at most `AttemptDesk.batchLimit` attempts: about a thousand binds, far below the limit.
    static func combinedQuery(counters used: [AttemptKey: Int], solves: [AttemptDesk.Attempt], counted: [AttemptDesk.Attempt],
                              bump editions: [Int]) -> SQLQueryString? {
        var parts: [SQLQueryString] = []
        if !used.isEmpty { parts.append("counted AS (\(countersStatement(used)))") }
        if !solves.isEmpty { parts.append("solved AS (\(solvesStatement(solves)) RETURNING challenge_id, team_id)") }
        if !counted.isEmpty { parts.append("logged AS (\(logStatement(counted[...])))") }
        if !editions.isEmpty {
            parts.append("bumped AS (\(CTFVersion.statement(editions)))")
        }
        guard !parts.isEmpty else { return nil }
        let answer: SQLQueryString = solves.isEmpty ? "SELECT 0 AS challenge_id, 0 AS team_id WHERE 1 = 0" : "SELECT challenge_id, team_id FROM solved"
        return "WITH \(parts.joined(separator: ", ")) \(answer)"
    }

    static func keys(of rows: [any SQLRow]) throws -> Set<AttemptKey> {
        Set(try rows.map { AttemptKey(challengeID: try $0.decode(column: "challenge_id", as: Int.self), teamID: try $0.decode(column: "team_id", as: Int.self)) })
    }

    static func countersStatement(_ used: [AttemptKey: Int]) -> SQLQueryString {
        let rows = used.sorted { $0.key < $1.key }
            .map { "(\(bind: $0.key.challengeID), \(bind: $0.key.teamID), \(bind: $0.value))" as SQLQueryString }
        return """
            INSERT INTO ctf_attempt_counts (challenge_id, team_id, used) VALUES \(rows.joined(separator: ", "))
            ON CONFLICT (challenge_id, team_id) DO UPDATE SET used = excluded.used
            """
    }

    static func solvesStatement(_ solves: [AttemptDesk.Attempt]) -> SQLQueryString {
        let rows = solves.map {
            "(\(bind: $0.editionID), \(bind: $0.challengeID), \(bind: $0.teamID), \(bind: $0.playerID), \(bind: $0.at))" as SQLQueryString
        }
        return """
            INSERT INTO ctf_solves (edition_id, challenge_id, team_id, player_id, created_at) VALUES \(rows.joined(separator: ", "))
            ON CONFLICT (challenge_id, team_id) DO NOTHING
            """
    }

    static func logStatement(_ counted: ArraySlice<AttemptDesk.Attempt>) -> SQLQueryString {
        let rows = counted.map {
            "(\(bind: $0.editionID), \(bind: $0.challengeID), \(bind: $0.teamID), \(bind: $0.playerID), \(bind: $0.submission), \(bind: $0.correct), \(bind: $0.ip), \(bind: $0.at))" as SQLQueryString
        }
        return "INSERT INTO ctf_attempts (edition_id, challenge_id, team_id, player_id, submission, correct, ip, created_at) VALUES \(rows.joined(separator: ", "))"
    }
}
