import Fluent
import Foundation
import GrappeDomain

/// A meeting's page, drawn without a database: details, agenda, minutes and attendance;
/// for who runs it (`manage`), the attendance form and the form to change the meeting.
enum MeetingView {
    static func page(_ page: MeetingPage, manage staff: Bool, form: FormState, csrf: HTML) -> HTML {
        let m = page.meeting
        let people = page.people, statuses = page.statuses
        let present = statuses.values.filter { $0 == .present }.count
        let rows = people.map { p -> HTML in
            let current = statuses[p.id!]
            if !staff { return "<tr><td>\(p.fullName)</td><td>\(current?.label ?? "—")</td></tr>" }
            let radios = AttendanceStatus.allCases.map { s -> HTML in
                "<label><input type=\"radio\" name=\"p_\(p.id!.uuidString)\" value=\"\(s.rawValue)\"\(HTML.flag(.checked, current == s))> \(s.label)</label>"
            }
            return "<tr><td>\(p.fullName)</td><td class=\"radios\">\(radios.joined(separator: " "))</td></tr>"
        }
        let attendance: HTML = people.isEmpty ? UI.emptyState("Personne à pointer : ajoutez des membres au groupe.") : staff ? """
        <form method="post" action="\(Site.meetingAttendance.path(m))">\(csrf)
        <table class="list"><thead><tr><th>Personne</th><th>Présence</th></tr></thead><tbody>\(rows)</tbody></table>
        <button class="primary">Enregistrer les présences</button></form>
        """ : "<table class=\"list\"><thead><tr><th>Personne</th><th>Présence</th></tr></thead><tbody>\(rows)</tbody></table>"
        let edit: HTML = staff ? """
        <details\(HTML.flag(.open, !form.errors.isEmpty))><summary>Modifier, déplacer, annuler</summary>
        \(form.summary)
        <form method="post" action="\(Site.meetingUpdate.path(m))" class="grid-form">\(csrf)
        <fieldset><legend>Réunion</legend>
        \(Input.text("title", "Objet", form, required: true, maxLength: 200))
        \(Input.text("date", "Date", form, type: "date", required: true))
        \(Input.text("start", "Début", form, type: "time", required: true))
        \(Input.text("end", "Fin", form, type: "time", required: true))
        \(Input.text("place", "Lieu", form, maxLength: 200))
        \(Input.select("status", "État", form, options: MeetingStatus.allCases.map { ($0.rawValue, $0.label) }))
        \(Input.textarea("agenda", "Ordre du jour", form, maxLength: 20_000))
        \(Input.textarea("minutes", "Compte rendu", form, maxLength: 20_000))
        </fieldset><button class="primary">Enregistrer</button></form></details>
        """ : .empty
        let crumbs: [(String, String?)] = page.group.map { [("Groupes", Site.groupIndex.path()), ($0.name, Site.groupShow.path($0)), (FrenchDate.short(m.startsAt), nil)] }
            ?? [("Gouvernance", Site.governanceIndex.path()), (FrenchDate.short(m.startsAt), nil)]
        return """
        \(UI.breadcrumbs(crumbs))
        <h1>\(m.title)</h1>
        <p class="lead">\(FrenchDate.long(m.startsAt)), \(FrenchDate.clock(m.startsAt))–\(FrenchDate.clock(m.endsAt))\(m.place.isEmpty ? "" : " · \(m.place)")\(m.institution.isEmpty ? "" : " · \(m.institution)") · \(m.status.label)</p>
        <h2>Ordre du jour</h2>\(m.agenda.isEmpty ? UI.emptyState("Pas d'ordre du jour.") : HTML("<div class=\"text\">\(m.agenda)</div>"))
        <h2>Compte rendu</h2>\(m.minutes.isEmpty ? UI.emptyState("Pas de compte rendu.") : HTML("<div class=\"text\">\(m.minutes)</div>"))
        <h2>Présences (\(present) présent\(present > 1 ? "s" : ""))</h2>
        \(attendance)
        \(edit)
        """
    }
}
