import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The CSV import pages and the domains list, drawn without a database or a request.
@Suite struct MemberImportViewTests {
    @Test func theFormKeepsTheYearAndShowsTheRefusal() {
        let html = MemberImportView.form(year: 2026, error: "Le fichier <x> est vide.", csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("<form method=\"post\" action=\"\(Site.memberImportSubmit.path())\" enctype=\"multipart/form-data\">\n<input name=\"_csrf\">"))
        #expect(html.contains("value=\"2026\"") && html.contains("<p class=\"flash flash-error\" role=\"alert\">Le fichier &lt;x&gt; est vide.</p>"))
        #expect(!MemberImportView.form(year: 2026, error: nil, csrf: .empty).raw.contains("flash-error"))
    }

    @Test func thePreviewListsRejectionsAndPostsTheFileAgain() {
        let text = "nom;effectif\nSkazy <SAS>;12\n;3"
        var plan = MemberImporter.Plan(parsed: MemberCSV.parse(text, knownDomains: []))
        plan.toCreate = plan.parsed.lines.map(\.lineNumber)
        let html = MemberImportView.preview(plan, text: text, year: 2026, csrf: .empty).raw
        #expect(!plan.parsed.rejections.isEmpty && html.contains("<td class=\"num\">\(plan.parsed.rejections[0].lineNumber)</td>"))
        #expect(html.contains("<li>Ligne 2 : Skazy &lt;SAS&gt;</li>") && html.contains("<textarea name=\"csv\" hidden>nom;effectif\nSkazy &lt;SAS&gt;;12\n;3</textarea>"))
        #expect(html.contains("value=\"apply\">Importer les lignes valides</button>") && html.contains("<input type=\"hidden\" name=\"year\" value=\"2026\">"))
        let nothing = MemberImportView.preview(MemberImporter.Plan(parsed: MemberCSV.parse("nom;effectif", knownDomains: [])), text: "", year: 2026, csrf: .empty).raw
        #expect(nothing.contains("<p>Rien à importer.</p>") && nothing.contains("Aucune ligne rejetée.") && !nothing.contains("value=\"apply\""))
    }

    @Test func aDomainInUseCannotBeDeleted() {
        let used = CompetenceDomain(organisationID: UUID(), name: "Cyber <sécurité>"), free = CompetenceDomain(organisationID: UUID(), name: "Web")
        used.id = UUID()
        free.id = UUID()
        let html = DomainView.list([used, free], counts: [used.id!: 3], form: FormState(), csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("action=\"\(Site.domainRename.path(used.id!))\" class=\"inline\"><input name=\"_csrf\">"))
        #expect(html.contains("value=\"Cyber &lt;sécurité&gt;\"") && html.contains("<td class=\"num\">3</td>\n<td>utilisé</td>"))
        #expect(html.contains("action=\"\(Site.domainDelete.path(free.id!))\"") && !html.contains(Site.domainDelete.path(used.id!)))
        #expect(html.contains("<caption>2 domaines</caption>"))
        var form = FormState(values: ["name": "Web"])
        form.errors["name"] = "Ce domaine existe déjà."
        let empty = DomainView.list([], counts: [:], form: form, csrf: .empty).raw
        #expect(empty.contains("Aucun domaine.") && empty.contains("Ce domaine existe déjà."))
    }
}
