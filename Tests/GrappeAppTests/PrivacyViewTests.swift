import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The personal data pages drawn from records in memory: no database, no request.
@Suite struct PrivacyViewTests {
    static let now = FrenchDate.make(2026, 9, 15)

    static func request(_ status: DataRequest.Status, user: User?) -> DataRequest {
        let r = DataRequest()
        r.id = UUID()
        r.email = "lea@cagou.example"
        r.kind = "erasure"
        r.message = "Merci <vite>"
        r.status = status
        r.decisionNote = status == .rejected ? "Facture en cours" : ""
        r.createdAt = FrenchDate.make(2026, 9, 1)
        r.$user.value = .some(user)
        return r
    }

    @Test func aPersonSeesTheirConsentsAndCanAskForErasure() {
        let consent = Consent(organisationID: UUID(), email: "lea@cagou.example", purpose: "newsletter", wording: "J'accepte <tout>")
        consent.givenAt = FrenchDate.make(2026, 3, 2)
        let page = PrivacyPage(email: "lea@cagou.example", organisationName: "Cluster <NC>", consents: [consent], pendingErasure: nil)
        let html = PrivacyView.mine(page, now: Self.now, csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("tout ce que Cluster &lt;NC&gt; conserve"))
        #expect(html.contains("<td>Lettre d&#39;information</td><td>J&#39;accepte &lt;tout&gt;</td>"))
        #expect(html.contains("href=\"\(Site.privacyDownload.path())\""))
        #expect(html.contains("action=\"\(Site.privacyRequestErasure.path())\" class=\"stack\"") && html.contains("<input name=\"_csrf\">"))
    }

    @Test func aPendingRequestReplacesTheForm() {
        let page = PrivacyPage(email: "lea@cagou.example", organisationName: "Cluster", consents: [],
                               pendingErasure: Self.request(.pending, user: nil))
        let html = PrivacyView.mine(page, now: Self.now, csrf: .empty).raw
        #expect(html.contains("Aucun consentement enregistré pour lea@cagou.example."))
        #expect(html.contains("Votre demande d'effacement du mardi 1er septembre 2026 est en cours de traitement."))
        #expect(!html.contains(Site.privacyRequestErasure.path()))
    }

    @Test func theQueueOffersToDecideOnlyPendingRequests() {
        let user = User(organisationID: UUID(), email: "lea@cagou.example", passwordHash: "", role: .member, displayName: "Léa <W>")
        let pending = Self.request(.pending, user: user)
        let rejected = Self.request(.rejected, user: nil)
        let html = PrivacyView.queue([pending, rejected], now: Self.now, csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("<td>01/09/2026</td><td>Léa &lt;W&gt;<br><small>lea@cagou.example</small></td><td class=\"pre\">Merci &lt;vite&gt;</td>"))
        #expect(html.contains("action=\"\(Site.privacyErase.path(pending.id!))\"") && html.contains("action=\"\(Site.privacyReject.path(pending.id!))\""))
        #expect(!html.contains(Site.privacyErase.path(rejected.id!)) && html.contains("<td>—<br>") && html.contains("<td>Facture en cours</td>"))
        #expect(PrivacyView.queue([], now: Self.now, csrf: .empty).raw.contains("<p>Aucune demande.</p>"))
    }
}
