import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The public join pages drawn from values in memory: no database, no request.
@Suite struct JoinViewTests {
    static func page(grid: FeeGrid?) -> JoinPage {
        let domain = CompetenceDomain(organisationID: UUID(), name: "Web <front>")
        return JoinPage(organisationName: "Cluster <NC>", year: 2026, grid: grid, domains: [domain])
    }

    @Test func thePageShowsTheGridAndKeepsWhatWasTyped() throws {
        let grid = try FeeGrid(brackets: [FeeBracket(category: .core, minHeadcount: 0, maxHeadcount: nil, amount: 30_000),
                                          FeeBracket(category: .partner, minHeadcount: 0, maxHeadcount: nil, amount: 50_000)])
        var form = JoinForm()
        form.company.name = "Cagou \"Num\""
        form.company.domains = ["Web <front>"]
        form.errors["commitments"] = "Pour adhérer, acceptez chacun des trois engagements de la charte."
        let html = JoinView.page(Self.page(grid: grid), form: form, quote: .hidden, csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("<h1>Adhérer à Cluster &lt;NC&gt;</h1>") && html.contains("<h2>Barème 2026</h2>"))
        #expect(html.contains("<td class=\"num\">\(Money.xpf(50_000))</td>"))
        #expect(html.contains("<form method=\"post\" action=\"\(Site.joinSubmit.path())\" class=\"grid-form\">\n<input name=\"_csrf\">"))
        #expect(html.contains("value=\"Cagou &quot;Num&quot;\""))
        #expect(html.contains("value=\"Web &lt;front&gt;\" checked> Web &lt;front&gt;</label>"))
        #expect(html.contains("<fieldset class=\"has-error\"><legend>La charte") && !html.contains("role=\"status\""))
    }

    @Test func theQuoteSaysTheAmountOrThatTheGridIsNotOut() {
        let noGrid = JoinView.page(Self.page(grid: nil), form: JoinForm(), quote: .unpublished, csrf: .empty).raw
        #expect(!noGrid.contains("<h2>Barème 2026</h2>") && noGrid.contains("Le barème 2026 n'est pas encore publié"))
        let quote = JoinQuote(amount: 22_500, yearly: 30_000, bracketLabel: "0 à 10 salariés", prorated: true)
        let html = JoinView.quoteBox(.amount(quote), year: 2026).raw
        #expect(html.contains("Votre cotisation 2026 : <strong>\(UI.xpf(22_500))</strong>"))
        #expect(html.contains("0 à 10 salariés : \(Money.xpf(30_000)) par an, au prorata des trimestres restants"))
        #expect(JoinView.quoteBox(.hidden, year: 2026).raw.isEmpty)
    }

    @Test func theThanksRecallTheApplication() {
        let a = MembershipApplication()
        a.companyName = "Cagou <Numérique>"; a.email = "lea@cagou.example"; a.year = 2026; a.feeQuoted = 0
        let html = JoinView.thanks(a).raw
        #expect(html.contains("la demande de <strong>Cagou &lt;Numérique&gt;</strong>") && html.contains("à préciser par l'équipe"))
        let anonymous = JoinView.thanks(nil).raw
        #expect(anonymous.contains("<h1>Merci !</h1>") && !anonymous.contains("Nous avons bien reçu"))
        #expect(anonymous.contains("href=\"\(Site.directoryIndex.path())\""))
    }
}
