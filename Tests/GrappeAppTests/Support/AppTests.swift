import Fluent
import Testing
import Vapor
import VaporTesting
@testable import GrappeApp

/// The root suite of the HTTP and database tests. Its tests run side by side (`TestSlots`), each
/// on its own copy of a prepared database (`TestDatabases`): SQLite files without DATABASE_URL,
/// PostgreSQL databases with it.
@Suite struct AppTests {}

/// Runs `body` against a freshly configured Grappe on its own migrated database (with the demo
/// data when asked). `alone` runs it while no other test runs: for tests that count queries.
func withGrappe(demo: Bool = false, alone: Bool = false, _ body: (Application) async throws -> Void) async throws {
    QueryLog.bootstrap()
    await TestSlots.shared.acquire(alone: alone)
    let database: AppConfig.Database
    do { database = try await TestDatabases.shared.copy(demo: demo) } catch {
        await TestSlots.shared.release()
        throw error
    }
    let app = try await Application.make(.testing)
    var failure: (any Error)?
    do {
        try await configure(app, testing: true, database: database)
        app.clock = .fixed(TestClock.now)
        try await TestSlots.$alone.withValue(alone) { try await body(app) }
    } catch {
        failure = error
    }
    try? await app.asyncShutdown()
    await TestDatabases.shared.remove(database)
    await TestSlots.shared.release()
    if let failure { throw failure }
}
