import Fluent
import Foundation
import GrappeDomain

/// The governance pages, drawn without a database: the year's page (mandates per instance,
/// meetings, and the staff's forms) and the history of mandates.
enum GovernanceView {
    /// `staff`: the forms to record a mandate or a meeting and to end a mandate.
    static func index(_ page: GovernancePage, staff: Bool, now: Date, csrf: HTML) -> HTML {
        let year = page.year
        let sections = page.groups.sorted { $0.kind.rawValue < $1.kind.rawValue }.map { group -> HTML in
            let seats = page.mandates.filter { $0.$group.id == group.id }
                .sorted { ($0.endsOn < now ? 1 : 0, $0.role.order, $0.rank) < ($1.endsOn < now ? 1 : 0, $1.role.order, $1.rank) }
            let rows = seats.map { seatRow($0, staff: staff, now: now, csrf: csrf) }
            return """
            <h2><a href="\(Site.groupShow.path(group.slug))">\(group.name)</a></h2>
            \(rows.isEmpty ? UI.emptyState("Aucun mandat.") : "<table class=\"list\"><thead><tr><th>Titulaire</th><th>Rôle</th><th>Élu le</th><th>Fin du mandat</th><th>Voix délibérative</th><th><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>\(rows)</tbody></table>")
            """
        }
        let chart = BarChart.perMonth(title: "Réunions du bureau et du CA en \(year), par mois", counts: page.perMonth).render()
        let institutionRows = page.institutions.map { "<tr><td>\($0.0)</td><td class=\"num\">\($0.1)</td></tr>" as HTML }
        let meetingRows = page.institutionMeetings.map { m -> HTML in
            "<tr><td>\(FrenchDate.long(m.startsAt))</td><td>\(m.institution)</td><td><a href=\"\(Site.meetingShow.path(m.id!))\">\(m.title)</a></td><td>\(m.status.label)</td></tr>"
        }
        let total = page.perMonth.reduce(0, +)
        return """
        <div class="page-head"><h1>Gouvernance</h1><p class="years"><a href="\(Site.governanceIndex.path())?annee=\(year - 1)">← \(year - 1)</a> · <strong>\(year)</strong> · <a href="\(Site.governanceIndex.path())?annee=\(year + 1)">\(year + 1) →</a></p></div>
        \(sections)
        \(staff ? mandateForm(page, csrf: csrf) : .empty)
        <p><a href="\(Site.mandateHistory.path())">Historique des mandats</a></p>
        <h2>Réunions du bureau et du CA en \(year)</h2>
        \(total == 0 ? UI.emptyState("Aucune réunion tenue en \(year).") : chart)
        <h2>Réunions avec les institutions en \(year)</h2>
        \(page.institutions.isEmpty ? UI.emptyState("Aucune réunion avec une institution en \(year).") : "<table class=\"list\"><thead><tr><th>Institution</th><th class=\"num\">Réunions</th></tr></thead><tbody>\(institutionRows)</tbody></table>")
        \(meetingRows.isEmpty ? HTML.empty : "<table class=\"list\"><thead><tr><th>Date</th><th>Institution</th><th>Objet</th><th>État</th></tr></thead><tbody>\(meetingRows)</tbody></table>")
        \(staff ? institutionMeetingForm(csrf: csrf) : .empty)
        """
    }

    /// A seat: its holder, role, dates, and for staff the form to end it early.
    static func seatRow(_ m: Mandate, staff: Bool, now: Date, csrf: HTML) -> HTML {
        let holder = m.holderLabel.isEmpty ? "\(m.person.fullName)\(m.company.map { " (\($0.name))" } ?? "")" : m.holderLabel
        let ending = MandateTerm.endsSoon(m.endsOn, now: now) ? UI.badge("échéance proche", "warn") : (m.endsOn < now ? UI.badge("terminé", "info") : .empty)
        let close: HTML = staff && m.endsOn >= now ? """
        <form method="post" action="\(Site.mandateEnd.path(m.id!))" class="inline" data-confirm="Terminer ce mandat ?">\(csrf)
        <input type="date" name="date" value="\(FrenchDate.iso(now))" aria-label="Date de fin"> <button>Terminer</button></form>
        """ : .empty
        return """
        <tr><td>\(personLink(m, holder))</td><td>\(roleLink(m))\(m.rank > 0 ? " \(m.rank)" : "")</td><td>\(FrenchDate.long(m.electedOn))</td>
        <td>\(FrenchDate.long(m.endsOn)) \(ending)</td><td>\(m.voting ? "oui" : "non (membre d'honneur)")</td><td>\(close)</td></tr>
        """
    }

    static func mandateForm(_ page: GovernancePage, csrf: HTML) -> HTML {
        """
        <details><summary>Enregistrer un mandat (après une élection)</summary>
        <form method="post" action="\(Site.mandateCreate.path())" class="inline-form">\(csrf)
        \(Input.select("group", "Instance", FormState(), options: page.groups.map { ($0.id!.uuidString, $0.name) }, required: true))
        \(Input.select("person", "Personne", FormState(), options: page.people.map { ($0.id!.uuidString, "\($0.lastName) \($0.firstName)") }, required: true, blank: "—"))
        \(Input.select("role", "Rôle", FormState(values: ["role": MandateRole.director.rawValue]), options: MandateRole.allCases.map { ($0.rawValue, $0.label) }))
        \(Input.text("rank", "Rang (vice-présidents)", FormState(values: ["rank": "0"]), type: "number", extra: " min=\"0\" max=\"9\""))
        \(Input.text("elected", "Élu(e) le", FormState(), type: "date", required: true))
        \(Input.text("term", "Durée (ans)", FormState(values: ["term": String(MandateTerm.defaultYears)]), type: "number", extra: " min=\"1\" max=\"10\""))
        \(Input.text("label", "Libellé (membre d'honneur : « La CCI »)", FormState(), maxLength: 120))
        <button class="primary">Enregistrer</button></form></details>
        """
    }

    static func institutionMeetingForm(csrf: HTML) -> HTML {
        """
        <details><summary>Enregistrer une réunion avec une institution</summary>
        <form method="post" action="\(Site.meetingCreate.path())" class="inline-form">\(csrf)
        \(Input.text("institution", "Institution", FormState(), required: true, maxLength: 120, extra: " list=\"institutions\""))
        <datalist id="institutions"><option value="Gouvernement"><option value="Province Sud"><option value="Province Nord"><option value="Vice-rectorat"></datalist>
        \(Input.text("title", "Objet", FormState(), required: true, maxLength: 200))
        \(Input.text("date", "Date", FormState(), type: "date", required: true))
        \(Input.text("start", "Début", FormState(values: ["start": "09:00"]), type: "time", required: true))
        \(Input.text("end", "Fin", FormState(values: ["end": "10:00"]), type: "time", required: true))
        <button class="primary">Enregistrer</button></form></details>
        """
    }

    /// Every mandate given, newest first; `role` or `person` when the history is filtered.
    static func history(_ mandates: [Mandate], role: MandateRole?, person: Bool) -> HTML {
        let rows = mandates.map { m -> HTML in
            """
            <tr><td>\(personLink(m, m.holderLabel.isEmpty ? m.person.fullName : m.holderLabel))\(m.company.map { " (\($0.name))" } ?? "")</td>
            <td>\(roleLink(m))</td><td>\(m.group.name)</td>
            <td>\(FrenchDate.long(m.electedOn))</td><td>\(FrenchDate.long(m.endsOn))</td></tr>
            """
        }
        let title = role.map { "Mandats de \($0.label.lowercased())" } ?? (person ? "Mandats de \(mandates.first?.person.fullName ?? "cette personne")" : "Tous les mandats")
        return """
        \(UI.breadcrumbs([("Gouvernance", Site.governanceIndex.path()), ("Historique des mandats", nil)]))
        <h1>\(title)</h1>
        \(rows.isEmpty ? UI.emptyState("Aucun mandat.") : "<table class=\"list\"><thead><tr><th>Titulaire</th><th>Rôle</th><th>Instance</th><th>Élu le</th><th>Fin</th></tr></thead><tbody>\(rows)</tbody></table>")
        <p><a href="\(Site.mandateHistory.path())">Tous les mandats</a></p>
        """
    }

    /// The holder's name, linking to every mandate of that person.
    static func personLink(_ m: Mandate, _ text: String) -> HTML {
        "<a href=\"\(Site.mandateHistory.path())?personne=\(m.$person.id.uuidString)\">\(text)</a>"
    }

    /// The role, linking to every mandate with that role.
    static func roleLink(_ m: Mandate) -> HTML {
        "<a href=\"\(Site.mandateHistory.path())?role=\(m.role.rawValue)\">\(m.role.label)</a>"
    }
}
