import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The programmes' list, a consortium company's summary and the indicator form, drawn from
/// models in memory: no database, no request.
@Suite struct ProgrammeListViewTests {
    static func programme() -> Programme {
        let p = ProgrammeViewTests.programme()
        p.$funders.value = [ProgrammeFunder(programmeID: p.id!, name: "Province <Sud>", amount: 1_000_000)]
        return p
    }

    @Test func theListLinksEachProgrammeAndOffersStaffANewOne() {
        let p = Self.programme()
        let staff = ProgrammeView.list([p], staff: true).raw
        #expect(staff.contains("<a href=\"\(Site.programmeShow.path(p.slug))\">NuméRaï &lt;2026&gt;</a> <span class=\"badge badge-ok\">En cours</span>"))
        #expect(staff.contains("Province &lt;Sud&gt;") && !staff.contains("1 000 000"), "no amounts in the list")
        #expect(staff.contains("href=\"\(Site.programmeFormNewForm.path())\">Nouveau programme</a>"))
        let visitor = ProgrammeView.list([], staff: false).raw
        #expect(visitor.contains("Aucun programme enregistré.") && !visitor.contains("Nouveau programme"))
    }

    @Test func aCompanysSummaryCountsItsActions() {
        let p = Self.programme()
        let company = Company()
        company.id = UUID()
        company.name = "Skazy <SARL>"
        let actions = [ProgrammeViewTests.action(p, on: FrenchDate.make(2026, 3, 10), commune: "Poum", participants: 12),
                       ProgrammeViewTests.action(p, on: FrenchDate.make(2026, 4, 2), commune: "Koné", participants: 8)]
        let html = ProgrammeView.animator(p, company: company, actions: actions).raw
        #expect(html.contains("<h1>Skazy &lt;SARL&gt; dans « NuméRaï &lt;2026&gt; »</h1>"))
        #expect(html.contains("<span>Participants</span><strong>20</strong>") && html.contains("<span>Communes</span><strong>2</strong>"))
        #expect(html.contains("<a href=\"\(Site.programmeShow.path(p.slug))\">NuméRaï &lt;2026&gt;</a>"))
        #expect(ProgrammeView.animator(p, company: company, actions: []).raw.contains("Aucune action animée pour le moment."))
    }

    @Test func theIndicatorFormOpensOnItsErrors() {
        let p = Self.programme()
        let blank = ProgrammeView.indicatorForm(p, state: IndicatorController.blank, csrf: "<input name=\"_csrf\">").raw
        #expect(blank.hasPrefix("<details><summary>") && blank.contains("action=\"\(Site.indicatorCreate.path(p.slug))\" class=\"inline-form\"><input name=\"_csrf\">"))
        #expect(blank.contains("<option value=\"\(IndicatorSource.actionCount.rawValue)\" selected>"))
        var refused = FormState(values: ["name": "<Ateliers>"])
        refused.errors["target"] = "La cible doit être un nombre positif."
        let html = ProgrammeView.indicatorForm(p, state: refused, csrf: .empty).raw
        #expect(html.hasPrefix("<details open>") && html.contains("value=\"&lt;Ateliers&gt;\"") && html.contains("La cible doit être un nombre positif."))
    }
}
