import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The radar and the results drawn without a database: geometry, words for those who cannot see
/// the chart, escaping, empty states, the staff's controls, the printable document.
@Suite struct DiagnosticResultsViewTests {
    static func page(level: Int, commune: String = "Nouméa", company: String = "<b>Boutique</b> & fils", notes: [DiagnosticDimension: String] = [:],
                     providers: [String: [DiagnosticResultsProviders.Provider]] = [:], comparison: DiagnosticComparison? = nil) throws -> DiagnosticResultsPage {
        let r = DiagnosticRequest()
        r.id = UUID()
        r.companyName = company
        r.ridet = "1234567.001"
        r.activity = .retail
        r.commune = commune
        r.headcount = 3
        r.contactEmail = "contact@boutique.example"
        let d = Diagnostic(organisationID: UUID(), requestID: r.id!, questionnaireID: UUID(), startsAt: TestClock.now)
        let answers = DiagnosticResultsFixtures.answers(level: level)
        try d.store(answers: answers)
        try d.store(notes: notes)
        d.close(with: DiagnosticScoring.result(.v1, answers), at: TestClock.now, follows: nil)
        let evaluation = DiagnosticEvaluation(diagnostic: d, request: r, questionnaire: .v1, catalogue: DiagnosticActionCatalogue.starter, rules: .provinceSud)
        return DiagnosticResultsPage(request: r, diagnostic: d, organisation: "OPEN NC", advisor: "Margaux <Loche>", evaluation: evaluation,
                                     result: evaluation.result, rules: .provinceSud, providers: providers, comparison: comparison)
    }

    @Test func theRadarPutsEachValueOnItsAxis() {
        let chart = RadarChart(title: "Scores", axes: ["A", "B", "C", "D", "E", "F"], series: [.init(label: "Après", values: [100, 50, 0, 50, 100, 25])])
        let top = chart.point(axis: 0, value: 100), bottom = chart.point(axis: 3, value: 50)
        #expect(abs(top.x - 300) < 0.01 && abs(top.y - 50) < 0.01, "the first axis points up, 150 px long")
        #expect(abs(bottom.x - 300) < 0.01 && abs(bottom.y - 275) < 0.01, "the fourth points down")
        #expect(chart.point(axis: 1, value: 250) == chart.point(axis: 1, value: 100), "values are kept within the chart")
        let html = chart.render().raw
        #expect(html.contains("role=\"img\"") && html.contains("Scores</title>"))
        #expect(html.contains("<desc") && html.contains("Scores. A 100, B 50, C 0, D 50, E 100, F 25."))
        #expect(html.components(separatedBy: "<polygon").count == 1 + 4 + 1, "four rings and one series")
        #expect(html.contains("<th scope=\"row\">C</th><td class=\"num\">0</td>"), "the table says the same")
        #expect(!html.contains("stroke-dasharray"), "no legend nor dashes for a single series")
    }

    @Test func twoSeriesAreDrawnApartAndEverythingIsEscaped() {
        let chart = RadarChart(title: "Avant <et> après", axes: ["Stratégie & <b>", "B", "C"],
                               series: [.init(label: "2025 <x>", values: [10, 20, 30], dashed: true), .init(label: "2026", values: [40, 50, 60])])
        let html = chart.render(dataTable: false).raw
        #expect(html.contains("Avant &lt;et&gt; après</title>") && html.contains("Stratégie &amp; &lt;b&gt;") && html.contains("2025 &lt;x&gt;"))
        #expect(!html.contains("<b>") && !html.contains("<x>") && !html.contains("<details"))
        #expect(html.contains("2025 &lt;x&gt; : Stratégie &amp; &lt;b&gt; 10, B 20, C 30 ; 2026 : Stratégie &amp; &lt;b&gt; 40, B 50, C 60."))
        #expect(html.contains("radar-series-1") && html.contains("radar-series-2") && html.contains("stroke-dasharray=\"6 4\""))
    }

    @Test func theResultsEscapeWhatWasTypedAndNameTheProviders() throws {
        let first = try Self.page(level: 1).plan.items[0].action.key
        let page = try Self.page(level: 1, notes: [.strategy: "<script>alert(1)</script>"],
                                 providers: [first: [.init(name: "Conseil & <Cie>", slug: "conseil-cie")]])
        let html = DiagnosticResultsView.businessPage(page, pdfPath: "/diagnostic/resultats/x/pdf").raw
        #expect(html.contains("&lt;b&gt;Boutique&lt;/b&gt; &amp; fils") && !html.contains("<b>Boutique"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>alert"))
        #expect(html.contains("Margaux &lt;Loche&gt;"))
        #expect(html.contains("<a href=\"/annuaire/conseil-cie\">Conseil &amp; &lt;Cie&gt;</a>"))
        #expect(html.contains("aucun adhérent référencé pour l&#39;instant") || html.contains("aucun adhérent référencé pour l'instant"))
        #expect(html.contains(page.result.level.label) && html.contains("href=\"/diagnostic/resultats/x/pdf\""))
        #expect(html.contains("<svg") && html.contains("<details class=\"chart-data\">"))
    }

    @Test func aStrongBusinessHasNoGapNoPlanAndNothingToFund() throws {
        let page = try Self.page(level: 5)
        #expect(page.evaluation.gaps.isEmpty && page.plan.items.isEmpty)
        let html = DiagnosticResultsView.body(page).raw
        #expect(html.contains("Aucun déséquilibre relevé"))
        #expect(html.contains("Aucune action recommandée"))
        #expect(html.contains("class=\"grant-amount\"><span class=\"num\">\(Money.xpf(0))</span>"))
        #expect(!html.contains("Évolution depuis"))
    }

    @Test func aBusinessOutsideTheProvinceReadsWhyNot() throws {
        let page = try Self.page(level: 1, commune: "Koumac")
        let html = DiagnosticResultsView.grant(page).raw
        #expect(html.contains("n&#39;est pas éligible") || html.contains("n'est pas éligible"))
        #expect(html.contains("Koumac est en Province Nord") && !html.contains("Aide estimée"))
    }

    @Test func aFollowUpShowsTheChangesSigned() throws {
        let before = try Self.page(level: 1).result, after = try Self.page(level: 3).result
        let comparison = DiagnosticComparison(first: before, on: FrenchDate.make(2025, 9, 15), second: after, on: TestClock.now)
        let html = DiagnosticResultsView.body(try Self.page(level: 3, comparison: comparison)).raw
        #expect(html.contains("Évolution depuis le diagnostic du lundi 15 septembre 2025") && html.contains("12 mois entre les deux diagnostics"))
        #expect(html.contains(DiagnosticComparison.signed(comparison.overallChange)) && comparison.overallChange > 0)
        #expect(html.contains("radar-series-2"))
    }

    @Test func theStaffGetControlsButNoMoveBeyondTheEnds() throws {
        let page = try Self.page(level: 1)
        let html = DiagnosticResultsAdminView.section(page, catalogue: DiagnosticActionCatalogue.starter,
                                                      form: FormState(values: [:], errors: ["action": "Cette action n'est pas au catalogue."]), csrf: .empty).raw
        let count = page.plan.items.count
        #expect(html.components(separatedBy: ">Monter</button>").count - 1 == count - 1)
        #expect(html.components(separatedBy: ">Descendre</button>").count - 1 == count - 1)
        #expect(html.components(separatedBy: ">Retirer du plan</button>").count - 1 == count)
        #expect(html.contains("role=\"alert\">Cette action n&#39;est pas au catalogue."))
        #expect(html.contains("Renvoyer le lien à l&#39;entreprise") || html.contains("Renvoyer le lien à l'entreprise"))
    }

    @Test func theDocumentIsAPrintableWholePage() throws {
        let html = DiagnosticResultsDocument.html(try Self.page(level: 1))
        #expect(html.hasPrefix("<!doctype html>") && html.contains("<style>@page"))
        #expect(html.contains("&lt;b&gt;Boutique&lt;/b&gt;") && !html.contains("<details") && !html.contains("<form"))
        #expect(html.contains("Aide estimée"))
    }
}
