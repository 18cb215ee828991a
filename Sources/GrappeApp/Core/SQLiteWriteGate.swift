/// How Grappe writes to SQLite without ever answering « database is locked ».
///
/// SQLite has one writer at a time. Fluent keeps one connection per event loop and opens its
/// transactions with a plain (deferred) `BEGIN`: a transaction that reads, then writes while
/// another connection holds the write lock, gets SQLITE_BUSY at once — the busy handler is not
/// even called, because waiting could deadlock. That is where the 500s of a burst came from.
///
/// So, on SQLite only:
/// - the file is in WAL mode (`configure` sets it): readers never wait for the writer, nor it
///   for them;
/// - every write — a Fluent create, update or delete, a schema change, a raw statement that is
///   not a `SELECT`, and every transaction — first takes this process's `WriteGate`, so that
///   writers queue in memory (suspended tasks, no thread spinning on a lock) and reach SQLite
///   one at a time;
/// - transactions start with `BEGIN IMMEDIATE`, taking SQLite's write lock before their first
///   read, so no snapshot can go stale between a read and a write.
/// A request waits its turn; it is never refused (`WatchedDatabase` does the routing). A SQLite
/// file is used by one Grappe process (two processes on one file are not supported), so an
/// in-process gate is enough; PostgreSQL does not go through any of this.
actor WriteGate {
    private var held = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard held else { held = true; return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { held = false } else { waiters.removeFirst().resume() }
    }

    func withWrite<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            let value = try await body()
            release()
            return value
        } catch {
            release()
            throw error
        }
    }
}
