import Fluent
import Foundation
import GrappeDomain
import SQLKit

/// Writing a challenge's rows: its flags, hints, tags, prerequisites and attachments, and a whole
/// challenge from a `challenge.yml`. The staff's pages, the import and the CTFd-compatible API
/// (ctfcli) all write through here, inside the caller's transaction; the caller checks the input
/// first and raises the board version.
enum CTFChallengeRows {
    @discardableResult
    static func addFlag(_ rule: FlagRule, challengeID: Int, on db: any Database) async throws -> CTFFlag {
        let flag = CTFFlag(challengeID: challengeID, rule: rule)
        try await flag.create(on: db)
        return flag
    }

    /// Appended after the challenge's last hint (positions may have gaps once one is deleted).
    @discardableResult
    static func addHint(content: String, cost: Int, challengeID: Int, on db: any Database) async throws -> CTFHint {
        let last = try await CTFHint.query(on: db).filter(\.$challenge.$id == challengeID).max(\.$position)
        let hint = CTFHint(challengeID: challengeID, content: content, cost: cost, position: last.map { $0 + 1 } ?? 0)
        try await hint.create(on: db)
        return hint
    }

    @discardableResult
    static func addTag(_ value: String, challengeID: Int, on db: any Database) async throws -> CTFTag {
        let tag = CTFTag(challengeID: challengeID, value: value)
        try await tag.create(on: db)
        return tag
    }

    static func replaceTags(_ tags: [String], challengeID: Int, on db: any Database) async throws {
        try await CTFTag.query(on: db).filter(\.$challenge.$id == challengeID).delete()
        for t in tags { try await addTag(t, challengeID: challengeID, on: db) }
    }

    static func replaceRequirements(_ ids: Set<Int>, challengeID: Int, on db: any Database) async throws {
        try await db.sql.raw("DELETE FROM ctf_requirements WHERE challenge_id = \(bind: challengeID)").run()
        for r in ids.sorted() {
            try await db.sql.raw("INSERT INTO ctf_requirements (challenge_id, requires_id) VALUES (\(bind: challengeID), \(bind: r))").run()
        }
    }

    /// A new challenge of the edition from a validated spec, its prerequisites already resolved
    /// to ids and its files read (name as players download it, content).
    static func create(_ spec: ChallengeSpec, editionID: Int, position: Int, requirements: Set<Int>,
                       files: [(name: String, data: Data)], on db: any Database) async throws -> CTFChallenge {
        let c = CTFChallenge()
        c.$edition.id = editionID
        c.name = spec.name
        c.category = spec.category
        c.author = spec.author
        c.about = spec.description
        c.connectionInfo = spec.connectionInfo
        c.scoring = spec.scoring
        c.maxAttempts = spec.maxAttempts
        c.state = spec.visible ? .visible : .hidden
        c.position = position
        try await c.create(on: db)
        let id = try c.requireID()
        for f in spec.flags { try await addFlag(f, challengeID: id, on: db) }
        for (i, h) in spec.hints.enumerated() { try await CTFHint(challengeID: id, content: h.content, cost: h.cost, position: i).create(on: db) }
        for t in spec.tags { try await addTag(t, challengeID: id, on: db) }
        try await replaceRequirements(requirements, challengeID: id, on: db)
        _ = try await CTFFileService.store(files, challenge: c, on: db)
        return c
    }
}
