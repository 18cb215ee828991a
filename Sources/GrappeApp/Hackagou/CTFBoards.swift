import Fluent
import Foundation
import SQLKit
import NIOConcurrencyHelpers
import NIOPosix
import Vapor

/// The snapshots of the editions being read, kept per instance. Safe to keep per instance: a
/// snapshot is only a copy of the database at a `board_version`, and every instance compares
/// that version with the database at most `maxAge` seconds after its last check, so two
/// instances on one PostgreSQL show the same board within about a second. Writers raise the
/// version in the transaction that changes the board (`CTFVersion.bump`); this instance's own
/// writes are seen the same way, so a storm of solves costs at most one rebuild per `maxAge`.
/// A team's own solves are read fresh where it needs them (`CTFSnapshot.solvedNow`).
///
/// Readers never wait for a rebuild once a snapshot exists: a stale one is served while one
/// task rebuilds it. With `maxAge` 0 (the tests) every read checks the version first, so a
/// test reads what it just wrote.
///
/// The CPU work — building a snapshot from its rows, drawing a board's JSON — runs on one
/// thread of its own (`offLoop`), not on an event loop: measured with `perf` under the storm, a
/// snapshot took up to 9 ms and a 144 KB scoreboard up to 10 ms at a stretch, during which
/// every request of that loop waited.
final class CTFBoards: LifecycleHandler, Sendable {
    private struct Entry {
        var snapshot: CTFSnapshot
        /// When the version was last compared with the database.
        var checkedAt: Date
        var refreshing: Bool
        /// Response bodies drawn from this snapshot (the scoreboard every reader gets), by key:
        /// one drawing each, which every reader that arrives meanwhile waits for.
        var bodies: [String: Task<Data, any Error>]
    }

    private let entries = NIOLockedValueBox<[Int: Entry]>([:])
    /// The edition the public boards show, per organisation, with when it was read.
    private let current = NIOLockedValueBox<[UUID: (id: Int?, at: Date)]>([:])
    /// The boards' own thread, started on first use; `stopped` once the application shuts down.
    private let worker = NIOLockedValueBox<(pool: NIOThreadPool?, stopped: Bool)>((nil, false))
    /// The first load of an edition, shared by every request that arrives before it is done
    /// (at the start of a storm, 64 clients used to load the same edition 64 times).
    private let loading = NIOLockedValueBox<[Int: Task<CTFSnapshot?, any Error>]>([:])
    let maxAge: TimeInterval
    /// The shortest time between two rebuilds of one edition (half a second, as `maxAge`),
    /// however fast the solves come:
    /// readers never recompute, and one rebuild at a time keeps its cost bounded under a storm.
    let minInterval: TimeInterval

    init(maxAge: TimeInterval) {
        self.maxAge = maxAge
        self.minInterval = maxAge
    }

    /// The snapshot of `editionID`: the one in memory when fresh enough, else rebuilt.
    func snapshot(_ editionID: Int, app: Application) async throws -> CTFSnapshot? {
        let now = Date()
        let (current, stale) = entries.withLockedValue { table -> (CTFSnapshot?, Bool) in
            guard var e = table[editionID] else { return (nil, true) }
            let stale = now.timeIntervalSince(e.checkedAt) >= maxAge
            guard stale, maxAge > 0 else { return (e.snapshot, stale) }
            if e.refreshing { return (e.snapshot, false) }
            e.refreshing = true
            table[editionID] = e
            return (e.snapshot, true)
        }
        guard let current else { return try await firstLoad(editionID, app: app) }
        guard stale else { return current }
        if maxAge == 0 { return try await refresh(editionID, db: app.db) }
        Task { _ = try? await self.refresh(editionID, db: app.db) }
        return current
    }

    private func firstLoad(_ editionID: Int, app: Application) async throws -> CTFSnapshot? {
        let load = loading.withLockedValue { table -> Task<CTFSnapshot?, any Error> in
            if let running = table[editionID] { return running }
            let load = Task {
                defer { self.loading.withLockedValue { _ = $0.removeValue(forKey: editionID) } }
                return try await self.refresh(editionID, db: app.db)
            }
            table[editionID] = load
            return load
        }
        return try await load.value
    }

    /// Reads the version and reloads the snapshot if it moved.
    @discardableResult
    func refresh(_ editionID: Int, db: any Database) async throws -> CTFSnapshot? {
        let started = Date()
        let known = entries.withLockedValue { $0[editionID] }
        do {
            guard let version = try await CTFSnapshot.version(of: editionID, on: db) else {
                entries.withLockedValue { _ = $0.removeValue(forKey: editionID) }
                return nil
            }
            if let known, known.snapshot.version == version {
                entries.withLockedValue { table in
                    table[editionID]?.checkedAt = started
                    table[editionID]?.refreshing = false
                }
                return known.snapshot
            }
            guard let rows = try await CTFSnapshot.rows(editionID: editionID, on: db, previous: known?.snapshot) else { return nil }
            let fresh = try await offLoop { try CTFSnapshot.build(rows) }
            entries.withLockedValue { $0[editionID] = Entry(snapshot: fresh, checkedAt: started, refreshing: false, bodies: [:]) }
            return fresh
        } catch {
            entries.withLockedValue { $0[editionID]?.refreshing = false }
            throw error
        }
    }

    /// A response body drawn from `snapshot`, drawn once per snapshot and `key` (the readers
    /// that arrive while it is drawn wait for that one drawing).
    func body(_ snapshot: CTFSnapshot, key: String, draw: @escaping @Sendable () throws -> Data) async throws -> Data {
        let id = snapshot.edition.id, version = snapshot.version
        let drawing = entries.withLockedValue { table -> Task<Data, any Error> in
            if table[id]?.snapshot.version == version, let drawing = table[id]?.bodies[key] { return drawing }
            let drawing = Task { try await self.offLoop(draw) }
            if table[id]?.snapshot.version == version { table[id]?.bodies[key] = drawing }
            return drawing
        }
        do {
            return try await drawing.value
        } catch {
            entries.withLockedValue { table in
                if table[id]?.snapshot.version == version { table[id]?.bodies[key] = nil }
            }
            throw error
        }
    }

    /// The edition the public boards and API show for `organisationID` (`CTFEditions.currentID`),
    /// read again at most `maxAge` seconds after the last time, like the snapshots.
    func currentEditionID(organisationID: UUID, db: any Database) async throws -> Int? {
        let now = Date()
        if maxAge > 0, let hit = current.withLockedValue({ $0[organisationID] }), now.timeIntervalSince(hit.at) < maxAge { return hit.id }
        let id = try await CTFEditions.currentID(db, organisationID: organisationID)
        current.withLockedValue { $0[organisationID] = (id, now) }
        return id
    }

    /// Runs `body` on the boards' own thread, started on first use (here, once it has stopped).
    func offLoop<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        let pool = worker.withLockedValue { w -> NIOThreadPool? in
            if w.stopped { return nil }
            if let running = w.pool { return running }
            let pool = NIOThreadPool(numberOfThreads: 1)
            pool.start()
            w.pool = pool
            return pool
        }
        guard let pool else { return try body() }
        return try await pool.runIfActive(body)
    }

    func shutdownAsync(_ app: Application) async {
        let pool = worker.withLockedValue { w in
            defer { w = (nil, true) }
            return w.pool
        }
        try? await pool?.shutdownGracefully()
    }
}

/// The board version of an edition, raised by every change a snapshot holds.
enum CTFVersion {
    static func bump(_ editionID: Int, on db: any Database) async throws {
        try await db.sql.raw(statement([editionID])).run()
    }

    /// The statement that raises the versions of `editionIDs` (not empty); `AttemptLine` runs it
    /// on its own connection, alone or inside its combined write.
    static func statement(_ editionIDs: [Int]) -> SQLQueryString {
        "UPDATE ctf_editions SET board_version = board_version + 1 WHERE id IN (\(binds: editionIDs.map { $0 as any Encodable & Sendable }))"
    }
}

extension Application {
    private struct CTFBoardsKey: StorageKey { typealias Value = CTFBoards }

    var ctfBoards: CTFBoards {
        get {
            guard let boards = storage[CTFBoardsKey.self] else { fatalError("ctfBoards read before configure()") }
            return boards
        }
        set { storage[CTFBoardsKey.self] = newValue }
    }
}
