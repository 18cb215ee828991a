import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

extension AppTests {
    /// The renewal pages drawn without a database: names escaped, the left-out reasons, the
    /// missing grid, the refusal's link to the due.
    @Suite struct RenewalViewTests {
        @Test func thePreviewEscapesAndExplains() {
            let id = UUID()
            let preview = RenewalPreview(year: 2026, lines: [
                .init(companyID: id, companyName: "<b>Alpha</b>", category: .core, headcount: 12, holderName: nil, confirmedBy: "Marie <Kabar>",
                      confirmedAt: FrenchDate.make(2026, 1, 5), renewed: false),
            ], leftOut: [.init(companyID: UUID(), companyName: "Partie & Cie", reason: "a démissionné")], grid: nil, gridProblem: nil)
            let html = RenewalView.render(preview, form: FormState(values: ["issuedOn": "2026-01-10"]), settings: RenewalSettings(organisationID: UUID()), csrf: .empty).description
            #expect(html.contains("&lt;b&gt;Alpha&lt;/b&gt;") && !html.contains("<b>Alpha</b>"))
            #expect(html.contains("Marie &lt;Kabar&gt;"))
            #expect(html.contains("Partie &amp; Cie") && html.contains("a démissionné"))
            #expect(html.contains("Aucun barème pour 2026.") && html.contains("/cotisations/baremes/2026"))
            #expect(html.contains("name=\"renew-\(id.uuidString)\" value=\"1\" checked"), "ticked by default")
            #expect(html.contains("mardi 31 mars 2026"))
        }

        @Test func theRefusalSaysWhyAndLinksToTheDue() {
            let due = UUID()
            let html = DuesRefusalView.render(service: "Le vivier de candidatures",
                                              verdict: .overdue(year: 2026, dueID: due, dueOn: FrenchDate.make(2026, 12, 31), balance: 90_000), graceDays: 30).description
            #expect(html.contains("Le vivier de candidatures est réservé aux adhérents à jour de leur cotisation."))
            #expect(html.contains("jeudi 31 décembre 2026") && html.contains("délai de grâce de 30 jours écoulé"))
            #expect(html.contains("href=\"/cotisations/\(due.uuidString)\""))
            #expect(DuesRefusalView.render(service: "Le vivier", verdict: .noMembership, graceDays: 30).description.contains("/adhesion"))
        }
    }
}
