import Fluent
import Foundation
import GrappeDomain
import SQLKit
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// The pages kept between writes (`PageCache`) never show what a write changed, never show
    /// one reader's page or CSRF token to another, and, on PostgreSQL, follow the writes of
    /// another instance (`ChangeListener`).
    @Suite struct PageCacheTests {
        /// Whether this run keeps pages at all: on PostgreSQL only an instance that listens does.
        static func keeps(_ app: Application) -> Bool { app.config.database.isSQLite }

        static func token(in body: String) -> String? {
            guard let range = body.range(of: "name=\"_csrf\" value=\"") else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }

        @Test func aKeptPageFollowsEveryKindOfWrite() async throws {
            try await withGrappe(alone: true) { app in
                let staff = try await Fixtures.staffClient(app)
                let (company, _) = try await Fixtures.member(app, name: "Cagou Logiciels")
                let path = "/adherents/\(try company.requireID().uuidString)"
                #expect(try await staff.get(path).body.contains("Cagou Logiciels"))
                #expect(try await staff.get(path).body.contains("Cagou Logiciels"))
                if Self.keeps(app) {
                    #expect(app.pageCache?.keptCount == 1, "the page is kept after it is read")
                    QueryLog.reset()
                    #expect(try await staff.get(path).body.contains("Cagou Logiciels"))
                    #expect(QueryLog.count == 0, "a kept page is served without a query (\(QueryLog.count))")
                }

                company.name = "Cagou Numérique"
                try await company.save(on: app.db)
                #expect(app.pageCache?.keptCount == 0, "a Fluent write empties the cache")
                #expect(try await staff.get(path).body.contains("Cagou Numérique"))

                try await (app.db as! any SQLDatabase).raw("UPDATE companies SET name = 'Cagou Studio' WHERE id = \(bind: company.requireID())").run()
                #expect(try await staff.get(path).body.contains("Cagou Studio"), "a raw SQL write empties it too")

                try await app.db.transaction { db in
                    company.name = "Cagou Atelier"
                    try await company.save(on: db)
                }
                #expect(try await staff.get(path).body.contains("Cagou Atelier"), "and a transaction, once committed")
            }
        }

        @Test func eachReaderGetsItsOwnTokenAndItsOwnPage() async throws {
            try await withGrappe { app in
                let first = try await Fixtures.staffClient(app)
                try await Fixtures.user(app, email: "seconde@open.nc", role: .staff)
                let second = TestClient(app)
                try await second.login("seconde@open.nc", Fixtures.password)

                let a = try await first.get("/adherents").body
                let b = try await second.get("/adherents").body
                let tokenA = try #require(Self.token(in: a)), tokenB = try #require(Self.token(in: b))
                #expect(tokenA != tokenB, "a kept page carries its reader's token, not the first reader's")
                #expect(a.contains("staff@open.nc") && !a.contains("seconde@open.nc"))
                #expect(b.contains("seconde@open.nc") && !b.contains("staff@open.nc"), "the navigation names its own reader")
                #expect(!a.contains("\u{E000}") && !b.contains("\u{E000}"), "no placeholder reaches a reader")

                // The token of a kept page is the one the session expects: its forms work.
                second.csrf = tokenB
                #expect(try await second.post("/deconnexion").status == .seeOther)
                #expect(try await TestClient(app).get("/adherents").status == .seeOther, "an anonymous reader is not served the staff page")
            }
        }

        @Test func aFlashMessageIsShownOnceOnAKeptPage() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let group = Group(organisationID: try await Fixtures.organisationID(app), kind: .commission, name: "Commission Test",
                                  slug: "test", about: "", foundedOn: nil)
                try await group.create(on: app.db)
                _ = try await staff.get("/groupes/test")
                _ = try await staff.get("/groupes/test")
                // Refused without writing anything: the kept page stays, the message must still show.
                let refused = try await staff.post("/groupes/test/membres", ["role": "Membre"])
                #expect(refused.location == "/groupes/test")
                if Self.keeps(app) { #expect(app.pageCache?.keptCount == 1) }
                #expect(try await staff.get("/groupes/test").body.contains("Choisissez une personne."))
                #expect(!(try await staff.get("/groupes/test").body.contains("Choisissez une personne.")), "shown once")
            }
        }

        /// Readers arriving together at a missing page wait for one of them to build it.
        @Test func simultaneousReadersOfAMissingPageBuildItOnce() async throws {
            try await withGrappe(alone: true) { app in
                guard Self.keeps(app) else { return }
                let staff = try await Fixtures.staffClient(app)
                _ = try await staff.get("/tableau-de-bord")
                app.pageCache?.invalidate()
                QueryLog.reset()
                #expect(try await staff.get("/tableau-de-bord").status == .ok)
                let oneBuild = QueryLog.count
                #expect(oneBuild > 0)

                app.pageCache?.invalidate()
                QueryLog.reset()
                let readers = (0..<20).map { _ in
                    let reader = TestClient(app)
                    reader.cookies = staff.cookies
                    return reader
                }
                let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                    for reader in readers { group.addTask { try await reader.get("/tableau-de-bord").status } }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(statuses.allSatisfy { $0 == .ok })
                #expect(QueryLog.count < 2 * oneBuild, "20 readers, \(QueryLog.count) queries; one build takes \(oneBuild)")
            }
        }

        /// Two instances on one PostgreSQL database: a write on one empties the other's pages.
        @Test(.enabled(if: ProcessInfo.processInfo.environment["DATABASE_URL"] != nil))
        func anotherInstancesWriteEmptiesThisInstancesPages() async throws {
            try await withGrappe { first in
                let second = try await Application.make(.testing)
                do {
                    try await configure(second, testing: true, database: first.config.database)
                    second.clock = first.clock
                    for app in [first, second] { app.changeListener?.start(app) }
                    let (company, _) = try await Fixtures.member(first, name: "Cagou Logiciels")
                    try await Fixtures.user(first, email: "staff@open.nc", role: .staff)
                    let reader = TestClient(second)
                    try await reader.login("staff@open.nc", Fixtures.password)
                    let path = "/adherents/\(try company.requireID().uuidString)"
                    try await Self.eventually("the second instance listens") {
                        _ = try await reader.get(path)
                        return second.pageCache?.keptCount == 1
                    }
                    #expect(try await reader.get(path).body.contains("Cagou Logiciels"))

                    company.name = "Cagou Numérique"
                    try await company.save(on: first.db)
                    try await Self.eventually("the second instance hears the first's write") { second.pageCache?.keptCount == 0 }
                    #expect(try await reader.get(path).body.contains("Cagou Numérique"))

                    // A logout on the first instance ends the session kept by the second.
                    let sameBrowser = TestClient(first)
                    sameBrowser.cookies = reader.cookies
                    sameBrowser.csrf = reader.csrf
                    #expect(try await sameBrowser.post("/deconnexion").status == .seeOther)
                    try await Self.eventually("the second instance forgets the ended session") {
                        try await reader.get(path).status == .seeOther
                    }

                    for app in [first, second] { app.changeListener?.stop() }
                } catch {
                    second.changeListener?.stop()
                    try? await second.asyncShutdown()
                    throw error
                }
                try await second.asyncShutdown()
            }
        }

        /// Waits (up to five seconds) for what travels between instances.
        static func eventually(_ what: String, _ check: () async throws -> Bool) async throws {
            for _ in 0..<100 {
                if try await check() { return }
                try await Task.sleep(nanoseconds: 50_000_000)
            }
            Issue.record("never happened: \(what)")
        }
    }
}
