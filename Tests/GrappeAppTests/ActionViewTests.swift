import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// A programme's action form and CSV import drawn from values in memory: no database.
@Suite struct ActionViewTests {
    @Test func theFormOffersTheConsortiumAndTheDeletionWhenEditing() {
        let p = ProgrammeViewTests.programme()
        let company = Company()
        company.id = UUID()
        company.name = "Skazy <SARL>"
        let id = UUID()
        var form = FormState(values: ["theme": "Premiers <pas>", "animator": "Skazy <SARL>", "aud_handicap": "4"])
        form.errors["date"] = "Date invalide (jj/mm/aaaa ou aaaa-mm-jj)."
        let html = ActionView.form(p, action: Site.actionUpdate.path(p.slug, id), form: form, consortium: [company], audiences: [.smallBusiness, .disability],
                                   deletion: Site.actionDelete.path(p.slug, id), csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("<form method=\"post\" action=\"\(Site.actionUpdate.path(p.slug, id))\" class=\"grid-form\"><input name=\"_csrf\">"))
        #expect(html.contains("value=\"Premiers &lt;pas&gt;\"") && html.contains("<option value=\"Skazy &lt;SARL&gt;\" selected>Skazy &lt;SARL&gt;</option>"))
        #expect(html.contains("Date invalide (jj/mm/aaaa ou aaaa-mm-jj).") && html.contains("<option value=\"\">Le cluster</option>"))
        #expect(html.contains("action=\"\(Site.actionDelete.path(p.slug, id))\""))
        // « Publics »: a number per audience shown, the typed value kept.
        #expect(html.contains("<label for=\"aud_tpe_pme\">TPE / PME</label>") && html.contains("name=\"aud_handicap\" type=\"number\" value=\"4\""))
        #expect(!html.contains("aud_rural"))
        let new = ActionView.form(p, action: Site.actionCreate.path(p.slug), form: FormState(), consortium: [], audiences: Audience.allCases, deletion: nil, csrf: .empty).raw
        #expect(!new.contains("Supprimer l&#39;action"))
    }

    @Test func thePreviewKeepsTheFileAndImportsOnlyWithoutRejections() {
        let p = ProgrammeViewTests.programme()
        let today = FrenchDate.make(2026, 6, 1)
        let text = "date;theme;commune;participants\n2026-03-10;Atelier <mail>;Poum;12"
        let ok = ActionCSV.parse(text, animatorNames: [], today: today)
        let html = ActionView.preview(p, parsed: ok, text: text, csrf: .empty).raw
        #expect(html.contains("<tr><td>2</td><td>2026-03-10</td><td>Atelier &lt;mail&gt;</td><td>Poum</td><td>—</td><td class=\"num\">12</td></tr>"))
        #expect(html.contains("name=\"csv\" value=\"date;theme;commune;participants\n2026-03-10;Atelier &lt;mail&gt;;Poum;12\"") && html.contains("Importer 1 action"))
        let withError = text + "\n2026-03-11;Atelier;<Nulle part>;5"
        let refused = ActionView.preview(p, parsed: ActionCSV.parse(withError, animatorNames: [], today: today), text: withError, csrf: .empty).raw
        #expect(refused.contains("<li>Ligne 3 : commune : « &lt;Nulle part&gt; » n&#39;est pas une commune de Nouvelle-Calédonie.</li>"))
        #expect(!refused.contains("name=\"csv\"") && refused.contains("<strong>1</strong> ligne rejetée"))
        let page = ActionView.importPage(p, preview: ActionView.problem("Choisissez un fichier CSV."), csrf: .empty).raw
        #expect(page.contains("<p class=\"flash flash-error\">Choisissez un fichier CSV.</p>") && page.contains("action=\"\(Site.actionImportSubmit.path(p.slug))\""))
    }
}
