import Fluent
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    @Suite struct AuthTests {
        @Test func loginPageAndWrongPassword() async throws {
            try await withGrappe { app in
                try await Fixtures.user(app, email: "staff@open.nc", role: .staff)
                let client = TestClient(app)
                let page = try await client.get("/connexion")
                #expect(page.status == .ok)
                #expect(page.body.contains("name=\"_csrf\""))
                let bad = try await client.post("/connexion", ["email": "staff@open.nc", "password": "mauvais"])
                #expect(bad.status == .unauthorized)
                #expect(bad.body.contains("Adresse e-mail ou mot de passe incorrect."))
                #expect(bad.body.contains("value=\"staff@open.nc\""), "the typed email is kept")
                let unknown = try await client.post("/connexion", ["email": "personne@open.nc", "password": "x"])
                #expect(unknown.status == .unauthorized)
                let empty = try await client.post("/connexion", ["email": "", "password": ""])
                #expect(empty.status == .badRequest)
            }
        }

        @Test func loginSetsAHardenedCookieAndLogoutEndsTheSession() async throws {
            try await withGrappe { app in
                try await Fixtures.user(app, email: "staff@open.nc", role: .staff)
                let client = TestClient(app)
                try await client.get("/connexion")
                let before = client.cookies["grappe_session"]
                let ok = try await client.post("/connexion", ["email": "STAFF@open.nc", "password": Fixtures.password])
                #expect(ok.status == .seeOther)
                let cookie = ok.headers[.setCookie].first { $0.hasPrefix("grappe_session=") } ?? ""
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Lax"))
                #expect(client.cookies["grappe_session"] != before, "a new session id after login")
                #expect(try await client.get("/tableau-de-bord").status == .ok)
                try await client.post("/deconnexion")
                let after = try await client.get("/tableau-de-bord")
                #expect(after.status == .seeOther)
                #expect(after.location?.hasPrefix("/connexion") == true)
            }
        }

        @Test func protectedPagesRedirectToLogin() async throws {
            try await withGrappe { app in
                let client = TestClient(app)
                for path in ["/adherents", "/cotisations", "/tableau-de-bord", "/domaines", "/courriels", "/compte/jetons", "/mon-entreprise"] {
                    let page = try await client.get(path)
                    #expect(page.status == .seeOther, "\(path)")
                    #expect(page.location?.hasPrefix("/connexion?retour=") == true, "\(path)")
                }
            }
        }

        @Test func failedLoginsFromOneAddressAreLimitedWhateverTheHeaderSays() async throws {
            try await withGrappe { app in
                try await Fixtures.user(app, email: "staff@open.nc", role: .staff)
                let client = TestClient(app)
                for n in 0..<app.config.loginAttemptsPerWindow {
                    let bad = try await client.post("/connexion", ["email": "x\(n)@open.nc", "password": "bad"])
                    #expect(bad.status == .unauthorized)
                }
                let last = try await client.post("/connexion", ["email": "staff@open.nc", "password": Fixtures.password])
                #expect(last.status == .tooManyRequests, "the address has used its failures, even for a right password")
                #expect(last.body.contains("Trop de tentatives"))
                // Without GRAPPE_TRUSTED_PROXIES, X-Forwarded-For is the client's own words.
                try await client.get("/connexion")
                let forged = try await client.send(.POST, "/connexion", headers: ["Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": "198.51.100.23"],
                                                   body: ByteBuffer(string: "email=staff%40open.nc&password=x&_csrf=\(client.csrf ?? "")"))
                #expect(forged.status == .tooManyRequests)
            }
        }

        /// An office or an assembly shares one address: its good logins are never counted.
        @Test func successfulLoginsAreNeverCounted() async throws {
            try await withGrappe { app in
                try await Fixtures.user(app, email: "staff@open.nc", role: .staff)
                for _ in 0...(app.config.loginAttemptsPerWindow * 2) {
                    let client = TestClient(app)
                    try await client.get("/connexion")
                    #expect(try await client.post("/connexion", ["email": "staff@open.nc", "password": Fixtures.password]).status == .seeOther)
                }
            }
        }

        /// Failures against one account from many addresses stop that account only; a success
        /// before the limit clears its count.
        @Test func anAccountsFailuresAreCountedFromAnyAddressAndClearedBySuccess() async throws {
            try await withGrappe { app in
                try await Fixtures.user(app, email: "staff@open.nc", role: .staff)
                try await Fixtures.user(app, email: "autre@open.nc", role: .staff)
                let accounts = app.accountLoginLimiter
                for _ in 1..<accounts.limit { accounts.fail("account:staff@open.nc", now: app.now) }
                let client = TestClient(app)
                try await client.get("/connexion")
                #expect(try await client.post("/connexion", ["email": "staff@open.nc", "password": Fixtures.password]).status == .seeOther,
                        "one failure short of the limit, the owner still gets in")
                #expect(!accounts.isOver("account:staff@open.nc", now: app.now), "and the success cleared the count")

                for _ in 0..<accounts.limit { accounts.fail("account:staff@open.nc", now: app.now) }
                let late = TestClient(app)
                try await late.get("/connexion")
                #expect(try await late.post("/connexion", ["email": "staff@open.nc", "password": Fixtures.password]).status == .tooManyRequests)
                #expect(try await late.post("/connexion", ["email": "autre@open.nc", "password": Fixtures.password]).status == .seeOther,
                        "another account from the same address is not concerned")
                #expect(accounts.limit == app.config.loginAttemptsPerWindow * 5)
            }
        }

        @Test func postWithoutCSRFTokenIsRefused() async throws {
            try await withGrappe { app in
                let client = try await Fixtures.staffClient(app)
                let missing = try await client.post("/domaines", ["name": "Nouveau"], csrf: false)
                #expect(missing.status == .forbidden)
                #expect(missing.body.contains("CSRF"))
                let wrong = try await client.post("/domaines", ["name": "Nouveau", "_csrf": "forged"])
                #expect(wrong.status == .forbidden)
                #expect(try await CompetenceDomain.query(on: app.db).filter(\.$name == "Nouveau").count() == 0)
            }
        }

        /// A visitor's public forms are checked against its own cookie token; reading them writes
        /// no session; a forged or foreign token is refused, on the login form too.
        @Test func visitorsFormsUseACookieTokenAndWriteNoSession() async throws {
            try await withGrappe { app in
                try await Fixtures.user(app, email: "staff@open.nc", role: .staff)
                let visitor = TestClient(app)
                for path in ["/connexion", "/lettre", "/adhesion", "/connexion"] {
                    #expect(try await visitor.get(path).status == .ok)
                }
                #expect(try await SessionRecord.query(on: app.db).count() == 0, "reading public forms writes no session")
                let token = try #require(visitor.cookies[CSRF.cookieName])
                #expect(visitor.csrf == token, "the field carries the cookie's token")

                let stranger = TestClient(app)
                try await stranger.get("/connexion")
                let foreign = try await visitor.post("/connexion", ["email": "staff@open.nc", "password": Fixtures.password, "_csrf": stranger.csrf ?? ""])
                #expect(foreign.status == .forbidden, "another visitor's token does not fit this cookie")
                let noCookie = TestClient(app)
                noCookie.csrf = token
                #expect(try await noCookie.post("/connexion", ["email": "staff@open.nc", "password": Fixtures.password]).status == .forbidden,
                        "the token without its cookie is refused")

                #expect(try await visitor.post("/connexion", ["email": "staff@open.nc", "password": Fixtures.password]).status == .seeOther)
                let signedIn = try await visitor.get("/tableau-de-bord")
                #expect(signedIn.status == .ok)
                #expect(visitor.csrf == token, "the forms already open keep working once signed in (the token carries over)")
                #expect(try await visitor.post("/domaines", ["name": "Nouveau"]).status == .seeOther)
                #expect(try await visitor.post("/domaines", ["name": "Autre", "_csrf": stranger.csrf ?? ""]).status == .forbidden,
                        "a signed-in session takes only its own token")
            }
        }

        @Test func passwordResetByEmailedLink() async throws {
            try await withGrappe { app in
                try await Fixtures.user(app, email: "staff@open.nc", role: .staff)
                let client = TestClient(app)
                try await client.get("/mot-de-passe-oublie")
                let sent = try await client.post("/mot-de-passe-oublie", ["email": "staff@open.nc"])
                #expect(sent.status == .seeOther)
                // Same answer for an unknown address, and no mail.
                try await client.post("/mot-de-passe-oublie", ["email": "inconnu@open.nc"])
                let mails = try await OutboxMessage.query(on: app.db).all()
                #expect(mails.count == 1)
                let mail = try #require(mails.first)
                #expect(mail.recipient == "staff@open.nc")
                let link = try #require(mail.body.split(separator: "\n").first { $0.contains("/reinitialisation/") })
                let path = String(link[link.range(of: "/reinitialisation/")!.lowerBound...])
                #expect(try await client.get(path).status == .ok)
                let short = try await client.post(path, ["password": "court", "confirmation": "court"])
                #expect(short.status == .badRequest)
                #expect(short.body.contains("10 caractères au moins"))
                let mismatch = try await client.post(path, ["password": "un-long-mot-de-passe", "confirmation": "autre-chose-encore"])
                #expect(mismatch.body.contains("ne correspondent pas"))
                let done = try await client.post(path, ["password": "un-long-mot-de-passe", "confirmation": "un-long-mot-de-passe"])
                #expect(done.status == .seeOther)
                #expect(try await client.get(path).status == .notFound, "a link works once")
                try await client.login("staff@open.nc", "un-long-mot-de-passe")
            }
        }
    }
}
