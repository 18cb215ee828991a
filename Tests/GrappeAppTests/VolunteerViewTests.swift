import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The volunteering page drawn from totals in memory: no database, no request.
@Suite struct VolunteerViewTests {
    static func page(people: [VolunteerQueries.Line], choices: (people: [Person], groups: [Group])?) -> VolunteerPage {
        VolunteerPage(year: 2026, total: people.map(\.minutes).reduce(0, +), people: people, companies: [], groups: [], choices: choices)
    }

    @Test func theTablesShowTheHoursAndSendTheRestToTheExport() {
        let many = (1...22).map { VolunteerQueries.Line(id: UUID(), name: "Bénévole <\($0)>", minutes: 90) }
        let html = VolunteerView.render(Self.page(people: many, choices: nil), form: FormState(), csrf: .empty).raw
        #expect(html.contains("<tr><td>Bénévole &lt;1&gt;</td><td class=\"num\">1 h 30</td></tr>"))
        #expect(!html.contains("Bénévole &lt;21&gt;") && html.contains("2 autres lignes dans l'export CSV."))
        #expect(html.contains("<strong>33 h</strong>") && html.contains("Aucune heure en 2026."))
        #expect(html.contains("href=\"\(Site.volunteerExportCSV.path())?annee=2026\"") && html.contains("href=\"\(Site.volunteerIndex.path())?annee=2025\""))
        #expect(!html.contains("Ajouter du temps bénévole"), "the board reads only")
        let empty = VolunteerView.render(Self.page(people: [], choices: nil), form: FormState(), csrf: .empty).raw
        #expect(empty.contains("<strong>pas de donnée</strong>"))
    }

    @Test func staffAddTimeAndSeeTheirErrors() {
        let person = Person()
        person.id = UUID(); person.firstName = "Léa"; person.lastName = "Wamytan <W>"
        let group = Group(organisationID: UUID(), kind: .club, name: "Club Cyber", slug: "cyber", about: "", foundedOn: nil)
        group.id = UUID()
        var form = FormState(values: ["person": person.id!.uuidString])
        form.errors["hours"] = "Durée invalide : un nombre d'heures (2,5) ou 2h30, 1 000 h au plus."
        let html = VolunteerView.render(Self.page(people: [], choices: ([person], [group])), form: form, csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("<details open><summary>Ajouter du temps bénévole</summary>"))
        #expect(html.contains("action=\"\(Site.volunteerAdd.path())\" class=\"inline-form\"><input name=\"_csrf\">"))
        #expect(html.contains("<option value=\"\(person.id!.uuidString)\" selected>Wamytan &lt;W&gt; Léa</option>"))
        #expect(html.contains("<option value=\"\(group.id!.uuidString)\">Club Cyber</option>") && html.contains("Durée invalide"))
    }
}
