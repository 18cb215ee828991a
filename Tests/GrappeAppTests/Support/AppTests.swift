import Fluent
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import GrappeApp

/// The root suite of the HTTP and database tests. Serialized: with DATABASE_URL set, every test
/// starts from an emptied PostgreSQL schema; without it, each test has its own in-memory SQLite.
@Suite(.serialized) struct AppTests {}

/// Runs `body` against a freshly configured and migrated Grappe (optionally with the demo data).
func withGrappe(demo: Bool = false, _ body: (Application) async throws -> Void) async throws {
    QueryLog.bootstrap()
    let app = try await Application.make(.testing)
    do {
        try await configure(app, testing: true)
        if case .postgres = app.config.database {
            let sql = app.db as! any SQLDatabase
            try await sql.raw("DROP SCHEMA public CASCADE").run()
            try await sql.raw("CREATE SCHEMA public").run()
        }
        try await Bootstrap.migrate(app)
        if demo { try await DemoData.load(app) }
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}
