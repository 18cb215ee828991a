import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The API tokens page drawn from tokens in memory: no database, no request.
@Suite struct APITokenViewTests {
    static func token(_ name: String, revoked: Date? = nil) -> APIToken {
        let t = APIToken(userID: UUID(), name: name, tokenHash: "", prefix: "gr_ab12")
        t.id = UUID()
        t.createdAt = FrenchDate.make(2026, 9, 1)
        t.revokedAt = revoked
        return t
    }

    @Test func liveTokensCanBeRevokedAndANewOneIsShownOnce() {
        let live = Self.token("Tableur <compta>"), old = Self.token("Ancien", revoked: FrenchDate.make(2026, 9, 10))
        let html = APITokenView.page([live, old], created: "gr_secret<1>", form: FormState(), baseURL: "https://grappe.example", csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("<td>Tableur &lt;compta&gt;</td><td><code>gr_ab12…</code></td><td>01/09/2026</td>"))
        #expect(html.contains("action=\"\(Site.apiTokenRevoke.path(live.id!))\"") && !html.contains(Site.apiTokenRevoke.path(old.id!)))
        #expect(html.contains("révoqué le 10/09/2026") && html.contains("<code class=\"token\">gr_secret&lt;1&gt;</code>"))
        #expect(html.contains("https://grappe.example/api/v1/members?year=2025"))
        let none = APITokenView.page([], created: nil, form: FormState(), baseURL: "", csrf: .empty).raw
        #expect(none.contains("Aucun jeton.") && !none.contains("Nouveau jeton"))
    }
}
