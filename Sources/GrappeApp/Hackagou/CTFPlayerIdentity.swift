import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Who plays: a player of an edition and their team, found from the login of role `player`.
struct CTFPlayerIdentity: Sendable, Equatable {
    let playerID: Int
    let teamID: Int
    let editionID: Int
    let pseudonym: String

    /// The player row of `userID` in its latest edition.
    static func find(userID: UUID, on db: any Database) async throws -> CTFPlayerIdentity? {
        guard let row = try await db.sql.raw("""
            SELECT id, team_id, edition_id, pseudonym FROM ctf_players WHERE user_id = \(bind: userID) ORDER BY edition_id DESC LIMIT 1
            """).first() else { return nil }
        return CTFPlayerIdentity(playerID: try row.decode(column: "id", as: Int.self), teamID: try row.decode(column: "team_id", as: Int.self),
                                 editionID: try row.decode(column: "edition_id", as: Int.self), pseudonym: try row.decode(column: "pseudonym", as: String.self))
    }
}

/// Who calls the CTFd-compatible API: the account behind an API token (`Authorization: Token …`
/// as CTFd's clients send it, or `Bearer …`), with its player row when it is a player.
struct CTFCaller: Sendable {
    let userID: UUID
    let role: Role
    let player: CTFPlayerIdentity?
}

/// API tokens already checked, per instance, for `ttl` seconds: the storm's requests do not each
/// read the tokens table. Safe to keep per instance: a revoked token stops working on every
/// instance within `ttl`.
final class CTFTokenCache: Sendable {
    private let table = NIOLockedValueBox<[String: (caller: CTFCaller, at: Date)]>([:])
    let ttl: TimeInterval

    init(ttl: TimeInterval) { self.ttl = ttl }

    /// The caller of `req`'s token, or nil when it carries none that is valid.
    func caller(_ req: Request) async throws -> CTFCaller? {
        guard let token = Self.token(in: req.headers) else { return nil }
        let hash = Tokens.sha256(token)
        let now = Date()
        if let hit = table.withLockedValue({ $0[hash] }), now.timeIntervalSince(hit.at) < ttl { return hit.caller }
        guard let row = try await req.db.sql.raw("""
            SELECT u.id, u.role FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = \(bind: hash) AND t.revoked_at IS NULL AND u.active = \(bind: true)
            """).first(),
            let role = Role(rawValue: try row.decode(column: "role", as: String.self)) else {
            table.withLockedValue { _ = $0.removeValue(forKey: hash) }
            return nil
        }
        let userID = try row.decode(column: "id", as: UUID.self)
        let player = role == .player ? try await CTFPlayerIdentity.find(userID: userID, on: req.db) : nil
        let caller = CTFCaller(userID: userID, role: role, player: player)
        table.withLockedValue { t in
            if t.count > 20_000 { t = t.filter { now.timeIntervalSince($0.value.at) < ttl } }
            t[hash] = (caller, now)
        }
        return caller
    }

    /// The token of `Authorization: Token …` or `Authorization: Bearer …`.
    static func token(in headers: HTTPHeaders) -> String? {
        guard let value = headers.first(name: .authorization) else { return nil }
        for scheme in ["Token ", "Bearer "] where value.hasPrefix(scheme) {
            // Spaces and tabs trimmed by hand: `trimmingCharacters(in:)` was 2 % of the storm.
            let token = value.utf8.dropFirst(scheme.utf8.count).drop { $0 == 0x20 || $0 == 0x09 }
            let end = token.lastIndex { $0 != 0x20 && $0 != 0x09 }
            guard let end, token.distance(from: token.startIndex, to: end) < 200 else { return nil }
            return String(Substring(token[...end]))
        }
        return nil
    }

}

extension Application {
    private struct CTFTokenCacheKey: StorageKey { typealias Value = CTFTokenCache }

    var ctfTokens: CTFTokenCache {
        get {
            guard let cache = storage[CTFTokenCacheKey.self] else { fatalError("ctfTokens read before configure()") }
            return cache
        }
        set { storage[CTFTokenCacheKey.self] = newValue }
    }
}
