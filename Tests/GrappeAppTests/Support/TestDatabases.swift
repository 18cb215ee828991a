import Fluent
import FluentPostgresDriver
import Foundation
import SQLKit
import Vapor
@testable import GrappeApp

/// The databases the tests open. Migrating from nothing and loading the demo take seconds, so
/// each is done once per run into a template, and every test gets its own copy: a copied file
/// on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL (the database of `DATABASE_URL` only
/// serves to create and drop the others; its role needs CREATEDB). A test's copy is removed
/// when it ends, so tests neither see each other's rows nor wait for each other.
actor TestDatabases {
    static let shared = TestDatabases()

    private let run = "\(ProcessInfo.processInfo.processIdentifier)"
    private var templates: [Bool: Task<AppConfig.Database, any Error>] = [:]
    private var copies = 0
    private let folder = NSTemporaryDirectory() + "grappe-tests-\(ProcessInfo.processInfo.processIdentifier)"

    /// A fresh database for one test: migrated, with the demo when asked.
    func copy(demo: Bool) async throws -> AppConfig.Database {
        let template = try await template(demo: demo)
        copies += 1
        let name = "t\(copies)"
        switch template {
        case .sqliteFile(let path):
            let copy = "\(folder)/\(name).sqlite"
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            return .sqliteFile(copy)
        case .postgres(let url):
            let database = "grappe_\(run)_\(name)"
            try await Self.admin { try await $0.createDatabase(database, template: Self.databaseName(url)) }
            return .postgres(url: Self.url(url, database: database))
        case .sqliteMemory:
            preconditionFailure("templates are files or PostgreSQL databases")
        }
    }

    /// Removes a test's copy once its application has shut down.
    nonisolated func remove(_ database: AppConfig.Database) async {
        switch database {
        case .sqliteFile(let path):
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        case .postgres(let url):
            try? await Self.admin { try await $0.run("DROP DATABASE IF EXISTS \"\(Self.databaseName(url))\" WITH (FORCE)") }
        case .sqliteMemory:
            break
        }
    }

    private func template(demo: Bool) async throws -> AppConfig.Database {
        if let task = templates[demo] { return try await task.value }
        let task = Task { try await build(demo: demo) }
        templates[demo] = task
        return try await task.value
    }

    /// Migrates a new database (and loads the demo) with a throwaway application, then closes it.
    private func build(demo: Bool) async throws -> AppConfig.Database {
        let label = demo ? "demo" : "empty"
        let database: AppConfig.Database
        if let base = ProcessInfo.processInfo.environment["DATABASE_URL"] {
            let run = run, name = "grappe_\(run)_\(label)"
            try await Self.admin { admin in
                try await admin.dropLeftovers(keeping: run)
                try await admin.run("CREATE DATABASE \"\(name)\"")
            }
            database = .postgres(url: Self.url(base, database: name))
        } else {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            database = .sqliteFile("\(folder)/\(label).sqlite")
        }
        let app = try await Application.make(.testing)
        do {
            try await configure(app, testing: true, database: database)
            app.clock = .fixed(TestClock.now)
            try await Bootstrap.migrate(app)
            if demo { try await DemoData.load(app) }
            if database.isSQLite {
                // Everything into the main file, so that copying that file copies the database.
                try await (app.db as! any SQLDatabase).raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
            }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        return database
    }

    // MARK: PostgreSQL administration, on the database of DATABASE_URL

    private struct Admin {
        let connection: PostgresConnection
        let logger: Logger

        func run(_ sql: String) async throws {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        }

        /// A template still closing its last connection refuses to be copied for a moment.
        func createDatabase(_ name: String, template: String) async throws {
            for attempt in 1... {
                do { return try await run("CREATE DATABASE \"\(name)\" TEMPLATE \"\(template)\"") } catch {
                    guard attempt < 50, String(reflecting: error).contains("being accessed by other users") else { throw error }
                    try await Task.sleep(nanoseconds: 100_000_000)
                }
            }
        }

        /// Databases left by earlier runs that stopped before removing them.
        func dropLeftovers(keeping run: String) async throws {
            let rows = try await connection.query("SELECT datname FROM pg_database WHERE datname LIKE 'grappe\\_%\\_%'", logger: logger)
            for try await (name) in rows.decode(String.self) where !name.hasPrefix("grappe_\(run)_") && name.split(separator: "_").count == 3 {
                guard Int(name.split(separator: "_")[1]) != nil else { continue }
                try? await self.run("DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
            }
        }
    }

    private static func admin<T: Sendable>(_ body: @Sendable (Admin) async throws -> T) async throws -> T {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"] else { fatalError("PostgreSQL tests need DATABASE_URL") }
        let logger = Logger(label: "grappe.tests.databases")
        let connection = try await PostgresConnection.connect(configuration: try SQLPostgresConfiguration(url: url).coreConfiguration,
                                                              id: 0, logger: logger)
        do {
            let result = try await body(Admin(connection: connection, logger: logger))
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// `url` with its database (the path) replaced by `database`.
    static func url(_ url: String, database: String) -> String {
        var parts = URLComponents(string: url)!
        parts.path = "/" + database
        return parts.string!
    }

    static func databaseName(_ url: String) -> String {
        String(URLComponents(string: url)!.path.dropFirst())
    }
}
