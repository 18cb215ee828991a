import Fluent
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    @Suite struct OperationsTests {
        @Test func healthzReportsTheDatabase() async throws {
            try await withGrappe { app in
                let page = try await TestClient(app).get("/healthz")
                #expect(page.status == .ok)
                #expect(page.body.contains("\"database\":\"ok\""))
                #expect(page.headers[.setCookie].isEmpty, "a health check creates no session")
            }
        }

        @Test func assetsAndPublicHome() async throws {
            try await withGrappe { app in
                let client = TestClient(app)
                let css = try await client.get("/assets/grappe.css")
                #expect(css.headers.first(name: .contentType)?.contains("text/css") == true)
                #expect(css.body.contains("@media print"))
                #expect(try await client.get("/assets/grappe.js").status == .ok)
                let home = try await client.get("/")
                #expect(home.body.contains("Organisation des Professionnels"))
                #expect(home.body.contains("lang=\"fr\""))
            }
        }

        @Test func errorPagesAreFrenchWithoutInternals() async throws {
            try await withGrappe { app in
                app.get("boom") { _ -> String in throw Abort(.internalServerError, reason: "secret SQL detail") }
                app.get("crash") { _ -> String in struct Internal: Error {}; throw Internal() }
                let client = TestClient(app)
                for path in ["/boom", "/crash"] {
                    let page = try await client.get(path)
                    #expect(page.status == .internalServerError)
                    #expect(page.body.contains("Erreur interne"))
                    #expect(!page.body.contains("secret SQL detail"))
                    #expect(!page.body.contains("Internal"))
                }
            }
        }

        /// The member list runs a fixed number of queries whatever the number of rows.
        @Test func memberListQueriesDoNotGrowWithRows() async throws {
            try await withGrappe(alone: true) { app in
                app.pageCache?.setLive(false) // what building the page costs, not serving a kept copy (PageCacheTests)
                try await Fixtures.schedule(app)
                let client = try await Fixtures.staffClient(app)
                func queries(forCompanies target: Int) async throws -> Int {
                    let existing = try await Company.query(on: app.db).count()
                    for i in existing..<target { _ = try await Fixtures.member(app, name: "Entreprise \(String(format: "%03d", i))", headcount: i % 60) }
                    _ = try await Fixtures.issueDues(app)
                    try await client.get("/adherents") // consumes the login's flash message (a session write)
                    try await client.get("/adherents") // on SQLite, the sign-in is now in memory (`SignInCache`)
                    QueryLog.reset()
                    let page = try await client.get("/adherents")
                    #expect(page.body.contains("\(target) entreprises"))
                    return QueryLog.count
                }
                let ten = try await queries(forCompanies: 10)
                let hundred = try await queries(forCompanies: 100)
                #expect(ten > 0)
                #expect(ten == hundred, "10 rows: \(ten) queries, 100 rows: \(hundred)")
            }
        }

        @Test func rateLimiterCountsPerKeyAndWindow() {
            let limiter = RateLimiter(limit: 2, window: 600)
            let t0 = Date()
            #expect(limiter.allow("account:a@open.nc", now: t0))
            #expect(limiter.allow("account:a@open.nc", now: t0))
            #expect(!limiter.allow("account:a@open.nc", now: t0.addingTimeInterval(10)))
            #expect(limiter.allow("account:b@open.nc", now: t0.addingTimeInterval(10)), "other keys are not affected")
            #expect(limiter.allow("account:a@open.nc", now: t0.addingTimeInterval(601)), "a new window starts")
        }

        @Test func configurationRefusesBadValuesLoudly() throws {
            #expect(throws: AppConfig.ConfigError.self) { try AppConfig.fromEnvironment(["GRAPPE_DEMO": "peut-être"]) }
            #expect(throws: AppConfig.ConfigError.self) { try AppConfig.fromEnvironment(["DATABASE_URL": "mysql://x"]) }
            #expect(throws: AppConfig.ConfigError.self) { try AppConfig.fromEnvironment(["MAIL_TRANSPORT": "smtp"]) }
            #expect(throws: AppConfig.ConfigError.self) { try AppConfig.fromEnvironment(["PORT": "99999"]) }
            #expect(throws: AppConfig.ConfigError.self) { try AppConfig.fromEnvironment(["GRAPPE_TRUSTED_PROXIES": "10.0.0.0/8, proxy.local"]) }
            #expect(try AppConfig.fromEnvironment(["GRAPPE_TRUSTED_PROXIES": "10.0.0.0/8, ::1"]).trustedProxies.trusts("10.1.2.3"))
            let defaults = try AppConfig.fromEnvironment([:])
            #expect(defaults.database == .sqliteFile("data/grappe.sqlite"))
            #expect(defaults.demo)
            #expect(defaults.mail == .store)
            #expect(defaults.trustedProxies.isEmpty, "no proxy is trusted unless named")
            let smtp = try AppConfig.fromEnvironment(["MAIL_TRANSPORT": "smtp", "SMTP_HOST": "mail.open.nc", "SMTP_USER": "u", "SMTP_PASSWORD": "p"])
            #expect(smtp.mail == .smtp(SMTPSettings(host: "mail.open.nc", port: 587, username: "u", password: "p", startTLS: true)))
            #expect(try AppConfig.fromEnvironment(["GRAPPE_DEMO": "0"]).demo == false)
        }
    }
}
