import Fluent
import Foundation
import GrappeDomain

/// The volunteer hours of a year as the queries read them; for staff, the people and groups the
/// form to add time offers.
struct VolunteerPage: Sendable {
    let year: Int
    let total: Int
    let people: [VolunteerQueries.Line]
    let companies: [VolunteerQueries.Line]
    let groups: [VolunteerQueries.Line]
    /// Staff only: the form's choices (nil hides the form).
    let choices: (people: [Person], groups: [Group])?

    static func load(_ db: any Database, organisationID: UUID, year: Int, staff: Bool) async throws -> VolunteerPage {
        var choices: (people: [Person], groups: [Group])?
        if staff {
            choices = (try await Person.query(on: db).filter(\.$organisation.$id == organisationID).all().sortedInFrench { $0.lastName + " " + $0.firstName },
                       try await Group.query(on: db).filter(\.$organisation.$id == organisationID).all().sortedInFrench(by: \.name))
        }
        return VolunteerPage(year: year, total: try await VolunteerQueries.total(db, organisationID: organisationID, year: year),
                             people: try await VolunteerQueries.perPerson(db, organisationID: organisationID, year: year),
                             companies: try await VolunteerQueries.perCompany(db, organisationID: organisationID, year: year),
                             groups: try await VolunteerQueries.perGroup(db, organisationID: organisationID, year: year),
                             choices: choices)
    }
}

/// The volunteering page, drawn without a database: the year's total, the tables per group,
/// company and person, and the staff's form (kept with its errors in `form`).
enum VolunteerView {
    static func render(_ page: VolunteerPage, form: FormState, csrf: HTML) -> HTML {
        let year = page.year
        var addForm: HTML = .empty
        if let choices = page.choices {
            addForm = """
            <details\(HTML.flag(.open, !form.errors.isEmpty))><summary>Ajouter du temps bénévole</summary>
            \(form.summary)
            <form method="post" action="\(Site.volunteerAdd.path())" class="inline-form">\(csrf)
            \(Input.select("person", "Personne", form, options: choices.people.map { ($0.id!.uuidString, "\($0.lastName) \($0.firstName)") }, required: true, blank: "—"))
            \(Input.text("activity", "Activité", form, required: true, maxLength: 200, hint: "Préparer un atelier, animer un événement…"))
            \(Input.select("group", "Groupe (facultatif)", form, options: choices.groups.map { ($0.id!.uuidString, $0.name) }, blank: "—"))
            \(Input.text("date", "Date", form, type: "date", required: true))
            \(Input.text("hours", "Durée (heures)", form, required: true, maxLength: 10, hint: "2,5 ou 2h30"))
            <button class="primary">Ajouter</button></form></details>
            """
        }
        return """
        <div class="page-head"><h1>Bénévolat \(year)</h1>
        <div class="actions"><a class="button" href="\(Site.volunteerExportCSV.path())?annee=\(year)">Exporter (CSV)</a></div></div>
        <p class="years"><a href="\(Site.volunteerIndex.path())?annee=\(year - 1)">← \(year - 1)</a> · <a href="\(Site.volunteerIndex.path())?annee=\(year + 1)">\(year + 1) →</a></p>
        <ul class="stats"><li><span>Heures de bénévolat en \(year)</span><strong>\(page.total == 0 ? "pas de donnée" : Hours.format(page.total))</strong>
        <small>réunions tenues (durée × présents) et temps saisi</small></li></ul>
        \(addForm)
        <div class="two-cols">\(table("Par groupe", page.groups, year: year))\(table("Par entreprise", page.companies, year: year))\(table("Par personne", page.people, year: year))</div>
        """
    }

    /// The first `limit` lines, the rest left to the CSV export.
    static func table(_ title: String, _ lines: [VolunteerQueries.Line], year: Int, limit: Int = 20) -> HTML {
        let rows = lines.prefix(limit).map { "<tr><td>\($0.name)</td><td class=\"num\">\(Hours.format($0.minutes))</td></tr>" as HTML }
        return """
        <section class="card"><h2>\(title)</h2>
        \(lines.isEmpty ? UI.emptyState("Aucune heure en \(year).") : "<table class=\"list\"><tbody>\(rows)</tbody></table>\(lines.count > limit ? "<p><small>\(French.count(lines.count - limit, "autre ligne", "autres lignes")) dans l'export CSV.</small></p>" as HTML : .empty)")
        </section>
        """
    }
}
