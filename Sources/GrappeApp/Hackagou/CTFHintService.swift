import Fluent
import Foundation
import GrappeDomain
import SQLKit

/// Unlocking a hint: once per team, recorded with its cost as a negative award in the same
/// transaction. A team cannot spend points it does not have (as in CTFd).
enum CTFHintService {
    enum Outcome: Equatable {
        case unlocked(challengeID: Int)
        case alreadyUnlocked(challengeID: Int)
        case tooExpensive(cost: Int, score: Int)
        case notFound
    }

    static func unlock(hintID: Int, player: CTFPlayerIdentity, snapshot snap: CTFSnapshot, db: any Database, now: Date) async throws -> Outcome {
        guard let hint = try await CTFHint.find(hintID, on: db), let challenge = snap.challenges[hint.$challenge.id],
              snap.isOpen(challenge, solved: try await CTFSnapshot.solvedNow(by: player.teamID, on: db), at: now) else { return .notFound }
        let challengeID = challenge.id
        let score = snap.live.first { $0.teamID == player.teamID }?.score ?? 0
        if hint.cost > score, try await !isUnlocked(hintID, teamID: player.teamID, db: db) {
            return .tooExpensive(cost: hint.cost, score: score)
        }
        return try await db.transaction { db in
            let sql = db.sql
            guard let row = try await sql.raw("""
                INSERT INTO ctf_hint_unlocks (hint_id, team_id, player_id, created_at)
                VALUES (\(bind: hintID), \(bind: player.teamID), \(bind: player.playerID), \(bind: now))
                ON CONFLICT (hint_id, team_id) DO NOTHING RETURNING id
                """).first() else { return .alreadyUnlocked(challengeID: challengeID) }
            guard hint.cost > 0 else { return .unlocked(challengeID: challengeID) }
            let award = CTFAward()
            award.$edition.id = player.editionID
            award.$team.id = player.teamID
            award.hintUnlockID = try row.decode(column: "id", as: Int.self)
            award.name = "Indice : \(challenge.name)"
            award.value = -hint.cost
            award.createdAt = now
            try await award.create(on: db)
            try await CTFVersion.bump(player.editionID, on: db)
            return .unlocked(challengeID: challengeID)
        }
    }

    static func isUnlocked(_ hintID: Int, teamID: Int, db: any Database) async throws -> Bool {
        try await db.sql.raw("SELECT 1 AS one FROM ctf_hint_unlocks WHERE hint_id = \(bind: hintID) AND team_id = \(bind: teamID)").first() != nil
    }
}
