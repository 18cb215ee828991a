import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Every page reads its session, its account and a member contact's companies: three queries
/// before the page's own. On SQLite this keeps them in memory.
///
/// It is exact, not a cache with a lifetime: every write to `users`, `company_contacts` or the
/// sessions table — through Fluent or raw SQL, in any feature — passes `WatchedDatabase`, which
/// empties this cache once the write is committed (`ChangeBoard`). A logout, a password change,
/// a role change or a deactivation is therefore seen by the very next request. A read that
/// started before such a write never stores its (older) result: each store checks that no
/// invalidation happened since the read began (`generation`).
///
/// Per process. On SQLite one process owns the data, so it is always on. On PostgreSQL other
/// instances write too: it is on only while this instance listens to their writes
/// (`ChangeListener`); off (`live == false`), every request asks the database.
final class SignInCache: Sendable {
    /// What the cache keeps of an account: values, never a Fluent model shared between requests.
    struct Account: Sendable {
        let id: UUID
        let organisationID: UUID
        let email: String
        let passwordHash: String
        let role: Role
        let displayName: String
        let personID: UUID?
        let active: Bool
        let charityID: UUID?
        let createdAt: Date?
        let lastLoginAt: Date?
        let calendarToken: String?
        let sessionVersion: Int
        let companyIDs: Set<UUID>

        init(_ user: User, companyIDs: Set<UUID>) throws {
            id = try user.requireID()
            organisationID = user.$organisation.id
            email = user.email
            passwordHash = user.passwordHash
            role = user.role
            displayName = user.displayName
            personID = user.$person.id
            active = user.active
            charityID = user.$charity.id
            createdAt = user.createdAt
            lastLoginAt = user.lastLoginAt
            calendarToken = user.calendarToken
            sessionVersion = user.sessionVersion
            self.companyIDs = companyIDs
        }

        /// A fresh model for one request, as if it had just been read.
        func viewer() -> Viewer {
            let user = User(organisationID: organisationID, email: email, passwordHash: passwordHash, role: role,
                            displayName: displayName, personID: personID)
            user.id = id
            user.$id.exists = true
            user.active = active
            user.$charity.id = charityID
            user.createdAt = createdAt
            user.lastLoginAt = lastLoginAt
            user.calendarToken = calendarToken
            user.sessionVersion = sessionVersion
            return Viewer(user: user, companyIDs: companyIDs)
        }
    }

    /// Tables whose writes empty the cache.
    static let watchedTables: Set<String> = ["users", "company_contacts", SessionRecord.schema]
    /// Beyond this many entries the cache starts again empty (a bound, not an eviction policy).
    static let capacity = 20_000

    private struct State {
        var generation = 0
        var live: Bool
        var sessions: [String: SessionData] = [:]
        var accounts: [UUID: Account] = [:]
    }

    private let state: NIOLockedValueBox<State>

    init(live: Bool) { state = NIOLockedValueBox(State(live: live)) }

    var generation: Int { state.withLockedValue { $0.generation } }

    func session(_ key: String) -> SessionData? { state.withLockedValue { $0.live ? $0.sessions[key] : nil } }

    func account(_ id: UUID) -> Account? { state.withLockedValue { $0.live ? $0.accounts[id] : nil } }

    /// Keeps `data`, unless the cache was emptied since `generation` was read.
    func store(session key: String, _ data: SessionData, readAt generation: Int) {
        state.withLockedValue { s in
            guard s.live, s.generation == generation else { return }
            if s.sessions.count >= Self.capacity { s.sessions = [:] }
            s.sessions[key] = data
        }
    }

    func store(account: Account, readAt generation: Int) {
        state.withLockedValue { s in
            guard s.live, s.generation == generation else { return }
            if s.accounts.count >= Self.capacity { s.accounts = [:] }
            s.accounts[account.id] = account
        }
    }

    /// Forgets everything (called after a committed write to a watched table).
    func invalidate() {
        state.withLockedValue { s in
            s.generation += 1
            s.sessions = [:]
            s.accounts = [:]
        }
    }

    /// Turns the cache on or off; either way it starts again empty.
    func setLive(_ live: Bool) {
        state.withLockedValue { $0.live = live }
        invalidate()
    }
}
