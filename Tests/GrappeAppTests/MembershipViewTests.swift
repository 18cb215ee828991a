import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The resignation form drawn from values in memory: no database, no request.
@Suite struct MembershipViewTests {
    @Test func theResignationFormPostsToTheCompanysAddressAndKeepsTheValues() {
        let company = Company(organisationID: UUID(), slug: "skazy")
        company.id = UUID()
        company.name = "Skazy <SAS>"
        let state = FormState(values: ["date": "2025-02-31", "reason": "Cessation <d'activité>"], errors: ["date": "Date invalide."])
        let html = MembershipView.resign(company, state: state, csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("<form method=\"post\" action=\"\(Site.membershipResign.path(company))\"><input name=\"_csrf\">"))
        #expect(html.contains("<a href=\"\(Site.memberShow.path(company))\">Annuler</a>") && html.contains("<a href=\"\(Site.memberShow.path(company))\">Skazy &lt;SAS&gt;</a>"))
        #expect(html.contains("<h1>Démission de « Skazy &lt;SAS&gt; »</h1>"))
        #expect(html.contains("value=\"2025-02-31\"") && html.contains("<p class=\"error\" id=\"date-error\">Date invalide.</p>"))
        #expect(html.contains(">Cessation &lt;d&#39;activité&gt;</textarea>") && html.contains("flash flash-error"))
        let fresh = MembershipView.resign(company, state: FormState(values: ["date": "2026-09-15"]), csrf: .empty).raw
        #expect(!fresh.contains("flash-error") && !fresh.contains("class=\"error\""))
    }
}
