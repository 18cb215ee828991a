import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The public candidate pages drawn from values in memory: no database, no request.
@Suite struct CandidateViewTests {
    static func candidate() -> Candidate {
        let c = Candidate()
        c.id = UUID()
        c.firstName = "Léa"; c.lastName = "<Waia>"; c.email = "lea@example.nc"; c.wishedFields = "Web & mobile"; c.message = ""
        c.cvBytes = 20_480; c.expiresAt = FrenchDate.make(2028, 9, 1); c.createdAt = FrenchDate.make(2026, 9, 1)
        return c
    }

    @Test func theFormKeepsWhatWasTypedAndFlagsTheConsent() {
        let form = FormState(values: ["firstName": "Léa\"><b>", "consent": ""], errors: ["consent": "Sans votre accord, nous ne pouvons pas partager votre candidature."])
        let html = CandidateView.form(form, csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("action=\"\(Site.candidateSubmit.path())\" enctype=\"multipart/form-data\" class=\"stack\">\n<input name=\"_csrf\">"))
        #expect(html.contains("value=\"Léa&quot;&gt;&lt;b&gt;\"") && !html.contains("<b>"))
        #expect(html.contains("<div class=\"field check has-error\"><label><input type=\"checkbox\" name=\"consent\" value=\"1\">"))
        #expect(html.contains("Sans votre accord, nous ne pouvons pas partager votre candidature."))
        #expect(CandidateView.form(FormState(values: ["consent": "1"]), csrf: .empty).raw.contains("name=\"consent\" value=\"1\" checked>"))
    }

    @Test func theConfirmationAndTheWithdrawal() {
        let received = CandidateView.received(firstName: "<Léa>", email: "lea@example.nc").raw
        #expect(received.contains("Merci &lt;Léa&gt;. Un e-mail de confirmation vient de vous être envoyé à lea@example.nc"))
        let html = CandidateView.withdrawForm(Self.candidate(), token: "tok123", csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("<p>Léa &lt;Waia&gt;, votre candidature (Web &amp; mobile) est visible des adhérents jusqu'au vendredi 1er septembre 2028.</p>"))
        #expect(html.contains("action=\"\(Site.candidateWithdraw.path("tok123"))\"") && html.contains("<input name=\"_csrf\"><button class=\"danger\">"))
        #expect(CandidateView.unknown.raw.contains("Cette candidature n&#39;existe plus"))
    }
}
