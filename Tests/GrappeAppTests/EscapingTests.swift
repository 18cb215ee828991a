import Fluent
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// Every text a user can type comes back escaped, on forms with errors and on the pages that show it.
    @Suite struct EscapingTests {
        static let attack = "<script>alert('x')</script>"
        static let escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"

        func expectSafe(_ page: TestClient.Page, _ context: String) {
            #expect(!page.body.contains("<script>alert"), "raw script in \(context)")
            #expect(page.body.contains(Self.escaped), "escaped text missing in \(context)")
        }

        @Test func scriptInEveryFieldIsEscaped() async throws {
            try await withGrappe { app in
                try await Fixtures.schedule(app)
                let client = try await Fixtures.staffClient(app)
                let a = Self.attack
                // Refused form: every field echoed back.
                let refused = try await client.post("/adherents/nouveau", [
                    "name": a, "legalName": a, "ridet": a, "address": a, "commune": a, "website": a, "email": a, "phone": a,
                    "description": a, "headcount": a, "logoURL": a, "year": a, "category": a, "status": a, "startDate": a,
                ])
                #expect(refused.status == .badRequest)
                expectSafe(refused, "refused company form")
                // Saved record: shown on the list and the page.
                let created = try await client.post("/adherents/nouveau", [
                    "name": a, "legalName": a, "address": a, "description": a, "headcount": "3", "year": "2025", "category": "core", "status": "active",
                ])
                #expect(created.status == .seeOther)
                let detail = try await client.get(created.location!)
                expectSafe(detail, "company page")
                expectSafe(try await client.get("/adherents"), "member list")
                expectSafe(try await client.get("/adherents?q=\(TestClient.encode(a))"), "search box")
                let company = try #require(try await Company.query(on: app.db).first())
                let id = company.id!.uuidString
                try await client.post("/adherents/\(id)/contacts", ["firstName": a, "lastName": a, "role": a])
                expectSafe(try await client.get("/adherents/\(id)"), "contacts")
                let domain = try await client.post("/domaines", ["name": a])
                #expect(domain.status == .seeOther)
                expectSafe(try await client.get("/domaines"), "domains")
                _ = try await Fixtures.issueDues(app)
                let due = try await Fixtures.due(app, company: company)
                let pay = try await client.post("/cotisations/\(due.id!.uuidString)/paiements", ["amount": "1000", "paidOn": "2025-03-01", "method": "cash", "reference": "<b>x</b>"])
                #expect(pay.status == .seeOther)
                let badPay = try await client.post("/cotisations/\(due.id!.uuidString)/paiements", ["amount": a, "paidOn": a, "method": a, "reference": a])
                expectSafe(badPay, "refused payment")
                try await client.post("/cotisations/\(due.id!.uuidString)/ajuster", ["amount": "50000", "reason": a])
                let duePage = try await client.get("/cotisations/\(due.id!.uuidString)")
                expectSafe(duePage, "due page and audit trail")
                #expect(!duePage.body.contains("<b>x</b>"))
                expectSafe(try await client.get("/cotisations/\(due.id!.uuidString)/appel"), "printable call")
                expectSafe(try await client.get("/cotisations/\(due.id!.uuidString)/recu"), "receipt")
                expectSafe(try await client.get("/cotisations?annee=2025"), "dues list")
                let token = try await client.post("/compte/jetons", ["name": a])
                expectSafe(token, "API token list")
                #expect(try await client.post("/deconnexion").status == .seeOther)
                // The logout ended the session and its token: read the form again, as a browser would.
                try await client.get("/connexion")
                let loginPage = try await client.post("/connexion", ["email": a, "password": "x", "retour": a])
                #expect(loginPage.status == .unauthorized, "the login form answered, not the CSRF refusal (\(loginPage.status))")
                #expect(loginPage.body.contains("Adresse e-mail ou mot de passe incorrect."))
                #expect(loginPage.body.contains("value=\"\(Self.escaped)\""), "what was typed is kept, escaped")
                expectSafe(loginPage, "refused login")
                let preview = try await TestClient(app).get("/connexion?retour=\(TestClient.encode(a))")
                #expect(preview.status == .ok)
                expectSafe(preview, "login form with a return address")
            }
        }

        @Test func attributesAndMarkdownEscapeWhatTheyCarry() {
            #expect(HTML.attribute("title", "\"><script>").raw == " title=\"&quot;&gt;&lt;script&gt;\"")
            #expect(HTML.attribute("maxlength", nil).raw.isEmpty)
            #expect(HTML.attribute("aria-current", "page", when: false).raw.isEmpty)
            #expect(HTML.flag(.checked, true).raw == " checked" && HTML.flag(.checked, false).raw.isEmpty)
            #expect(!HTML.markdown(Self.attack).raw.contains("<script>") && HTML.markdown(Self.attack).raw.contains(Self.escaped))
            let field = Input.text("q", "Recherche", FormState(values: ["q": Self.attack], errors: ["q": Self.attack]), maxLength: 5)
            #expect(!field.raw.contains("<script>") && field.raw.contains("maxlength=\"5\"") && field.raw.contains("aria-invalid=\"true\""))
        }

        @Test func importPreviewEscapesNamesAndReasons() async throws {
            try await withGrappe { app in
                let client = try await Fixtures.staffClient(app)
                let csv = "nom;commune;effectif\n\(Self.attack);\(Self.attack);1\n"
                let page = try await client.post("/adherents/import", ["year": "2025", "step": "preview", "csv": csv])
                expectSafe(page, "import preview")
            }
        }

        @Test func responsesCarrySecurityHeaders() async throws {
            try await withGrappe { app in
                let page = try await TestClient(app).get("/connexion")
                #expect(page.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
                #expect(page.headers.first(name: "X-Frame-Options") == "DENY")
                #expect(page.headers.first(name: "X-Content-Type-Options") == "nosniff")
            }
        }
    }
}
