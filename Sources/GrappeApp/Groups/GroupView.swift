import Fluent
import Foundation
import GrappeDomain

/// The group pages, drawn without a database: the list of groups with their year's figures,
/// a closed club seen from outside, and a group's page (`GroupPage`) with its managers' tools.
enum GroupView {
    struct Access: Sendable {
        /// Sees members, meetings and minutes.
        let inside: Bool
        /// Staff or a lead: runs the group.
        let manage: Bool
        /// The viewer's own standing in the group.
        let mine: GroupMember.Status?
        /// May ask to join (clubs, for a logged-in person).
        let canAsk: Bool
    }

    /// `groups`: those the reader may see; `insider` (staff and board) sees the volunteering
    /// link, `staff` may create a group.
    static func index(_ groups: [Group], stats: [UUID: GroupYearStats], year: Int, insider: Bool, staff: Bool) -> HTML {
        let sections = GroupKind.allCases.map { kind -> HTML in
            let rows = groups.filter { $0.kind == kind }.map { g -> HTML in
                let s = stats[g.id!] ?? GroupYearStats()
                return """
                <tr><td><a href="\(Site.groupShow.path(g))">\(g.name)</a>\(g.active ? .empty : UI.badge("en sommeil", "info"))</td>
                <td>\(g.rule?.label ?? "—")</td><td class="num">\(s.members)</td><td class="num">\(s.activeMembers)</td>
                <td class="num">\(s.meetingsHeld)</td><td class="num">\(attendance(s) ?? "—")</td>
                <td class="num">\(Hours.format(s.volunteerMinutes))</td></tr>
                """
            }
            guard !rows.isEmpty else { return .empty }
            return """
            <h2>\(kind == .commission ? "Commissions" : kind == .club ? "Clubs" : kind.label)</h2>
            <table class="list"><thead><tr><th>Groupe</th><th>Rendez-vous</th><th class="num">Membres</th><th class="num">Actifs</th>
            <th class="num">Réunions \(year)</th><th class="num">Présence moyenne</th><th class="num">Bénévolat</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        }
        let create: HTML = staff ? " <a class=\"button primary\" href=\"\(Site.groupFormNewForm.path())\">Nouveau groupe</a>" : .empty
        return """
        <div class="page-head"><h1>Groupes \(year)</h1>\(insider ? "<div class=\"actions\"><a class=\"button\" href=\"\(Site.volunteerIndex.path())?annee=\(year)\">Bénévolat</a>\(create)</div>" as HTML : .empty)<p class="years"><a href="\(Site.groupIndex.path())?annee=\(year - 1)">← \(year - 1)</a> · <a href="\(Site.groupIndex.path())?annee=\(year + 1)">\(year + 1) →</a></p></div>
        \(groups.isEmpty ? UI.emptyState("Aucun groupe.") : HTML.join(sections))
        """
    }

    /// The average attendance at held meetings, « 4,5 », nil without a meeting.
    static func attendance(_ stats: GroupYearStats) -> String? {
        stats.averageAttendance.map { String(format: "%.1f", $0).replacingOccurrences(of: ".", with: ",") }
    }

    static func header(_ group: Group) -> HTML {
        """
        <p class="lead">\(group.kind.label)\(group.foundedOn.map { " · créé(e) en \(FrenchDate.year(of: $0))" } ?? "")\(group.rule.map { " · \($0.label)" } ?? "")</p>
        \(group.about.isEmpty ? HTML.empty : HTML("<p>\(group.about)</p>"))
        \(projects(group))
        """
    }

    static func projects(_ group: Group) -> HTML {
        let items = group.projects.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !items.isEmpty else { return .empty }
        return "<h2>Projets en cours</h2><ul>\(items.map { "<li>\($0)</li>" as HTML })</ul>"
    }

    /// What a person outside a closed club sees: its description and how to join.
    static func outside(group: Group, access: Access, csrf: HTML) -> HTML {
        let action: HTML
        switch access.mine {
        case .pending?: action = "<p class=\"flash flash-info\">Votre demande est en attente de la réponse des responsables du club.</p>"
        case .member?: action = .empty
        case .declined?, nil:
            action = access.canAsk ? """
            <form method="post" action="\(Site.clubRequestAsk.path(group))">\(csrf)
            \(Input.textarea("message", "Message aux responsables (facultatif)", FormState(), maxLength: 1000))
            <button class="primary">Demander à rejoindre le club</button></form>
            """ : "<p>Les clubs sont réservés aux experts ; la demande d'adhésion est gratuite.</p>"
        }
        return """
        \(UI.breadcrumbs([("Groupes", Site.groupIndex.path()), (group.name, nil)]))
        <h1>\(group.name)</h1>
        \(header(group))
        <p>Ce club est fermé : ses réunions et comptes rendus sont réservés à ses membres.</p>
        \(action)
        """
    }

    static let membersPerPage = 50

    /// `pages` says which of the page's members this page lists; `csrf` is the page's token field.
    static func page(_ page: GroupPage, access: Access, pages: Pagination, csrf: HTML) -> HTML {
        let group = page.group, year = page.year, members = page.members, meetings = page.meetings, stats = page.stats
        let staff = access.manage
        let path = Site.groupShow.path(group)
        let memberRows = members.dropFirst(pages.offset).prefix(pages.perPage).map { m -> HTML in
            let toggle: HTML = staff ? UI.postButton(csrf: csrf, action: Site.groupToggleMember.path(group, m.$person.id), label: m.active ? "Marquer inactif" : "Marquer actif") : .empty
            return "<tr><td>\(m.person.fullName)\(m.lead ? UI.badge("responsable", "info") : .empty)</td><td>\(m.role.isEmpty ? "—" : m.role)</td><td>\(m.active ? "actif" : "inactif")</td><td>\(toggle)</td></tr>"
        }
        let requestRows = page.requests.map { r -> HTML in
            let who = r.$person.id
            return "<tr><td>\(r.person.fullName)</td><td>\(r.createdAt.map(FrenchDate.short) ?? "")</td><td>\(UI.postButton(csrf: csrf, action: Site.clubRequestAccept.path(group, who), label: "Accepter", style: "primary")) \(UI.postButton(csrf: csrf, action: Site.clubRequestDecline.path(group, who), label: "Refuser", style: "danger"))</td></tr>"
        }
        let meetingRows = meetings.map { m -> HTML in
            "<tr><td><a href=\"\(Site.meetingShow.path(m.id!))\">\(FrenchDate.long(m.startsAt))</a></td><td>\(FrenchDate.clock(m.startsAt))–\(FrenchDate.clock(m.endsAt))</td><td>\(m.title)</td><td>\(m.status.label)</td></tr>"
        }
        let average = attendance(stats) ?? "pas de donnée"
        let addMember: HTML = staff ? """
        <details><summary>Ajouter un membre</summary>
        <form method="post" action="\(Site.groupAddMember.path(group))" class="inline-form">\(csrf)
        \(PersonPicker.field("Personne", choices: page.people))
        \(Input.text("role", "Rôle (facultatif)", FormState(), maxLength: 80))
        <button class="primary">Ajouter</button></form></details>
        """ : .empty
        let volunteer: HTML = staff && !members.isEmpty ? """
        <details><summary>Ajouter du temps bénévole (hors réunions)</summary>
        <form method="post" action="\(Site.volunteerAddForGroup.path(group))" class="inline-form">\(csrf)
        \(PersonPicker.field("Personne", choices: members.count <= PersonPicker.listLimit ? members.map { ($0.$person.id, $0.person.fullName) } : nil, idPrefix: "volunteer-"))
        \(Input.text("activity", "Activité", FormState(), required: true, maxLength: 200))
        \(Input.text("date", "Date", FormState(), type: "date", required: true, id: "volunteer-date"))
        \(Input.text("hours", "Durée (heures)", FormState(), required: true, maxLength: 10))
        <button class="primary">Ajouter</button></form></details>
        """ : .empty
        let planning: HTML = staff && group.rule != nil ? """
        <form method="post" action="\(Site.groupGenerate.path(group))" class="inline">\(csrf)<input type="hidden" name="year" value="\(year)">
        <button>Planifier les réunions \(year) selon le rendez-vous</button></form>
        """ : .empty
        let addMeeting: HTML = staff ? """
        <details><summary>Ajouter une réunion</summary>
        <form method="post" action="\(Site.meetingCreate.path())" class="inline-form">\(csrf)<input type="hidden" name="group" value="\(group.slug)">
        \(Input.text("title", "Objet", FormState(values: ["title": "Réunion \(group.name)"]), required: true, maxLength: 200))
        \(Input.text("date", "Date", FormState(), type: "date", required: true))
        \(Input.text("start", "Début", FormState(values: ["start": group.rule.map { MeetingRule.clock($0.start) } ?? "12:00"]), type: "time", required: true))
        \(Input.text("end", "Fin", FormState(values: ["end": group.rule.map { MeetingRule.clock($0.end) } ?? "13:30"]), type: "time", required: true))
        <button class="primary">Ajouter</button></form></details>
        """ : .empty
        return """
        \(UI.breadcrumbs([("Groupes", "\(Site.groupIndex.path())?annee=\(year)"), (group.name, nil)]))
        <div class="page-head"><h1>\(group.name) \(group.active ? HTML.empty : UI.badge("en sommeil", "info"))</h1>
        \(staff ? "<a class=\"button\" href=\"\(Site.groupFormEditForm.path(group))\">Modifier</a>" as HTML : .empty)
        <p class="years"><a href="\(path)?annee=\(year - 1)">← \(year - 1)</a> · <strong>\(year)</strong> · <a href="\(path)?annee=\(year + 1)">\(year + 1) →</a></p></div>
        \(header(group))
        <ul class="stats">
        <li><span>Réunions tenues en \(year)</span><strong>\(stats.meetingsHeld)</strong></li>
        <li><span>Présence moyenne</span><strong>\(average)</strong></li>
        <li><span>Membres</span><strong>\(stats.members)</strong><small>dont \(stats.activeMembers) actifs</small></li>
        <li><span>Bénévolat en réunion</span><strong>\(Hours.format(stats.volunteerMinutes))</strong></li>
        </ul>
        <h2>Réunions \(year)</h2>
        \(planning)
        \(meetings.isEmpty ? UI.emptyState("Aucune réunion en \(year).") : "<table class=\"list\"><thead><tr><th>Date</th><th>Horaire</th><th>Objet</th><th>État</th></tr></thead><tbody>\(meetingRows)</tbody></table>")
        \(addMeeting)
        \(requestRows.isEmpty ? HTML.empty : "<h2>Demandes d'adhésion</h2><table class=\"list\"><thead><tr><th>Personne</th><th>Demandé le</th><th><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>\(requestRows)</tbody></table>")
        <h2>Membres</h2>
        \(members.isEmpty ? UI.emptyState("Aucun membre.") : "<table class=\"list\"><thead><tr><th>Nom</th><th>Rôle</th><th>État</th><th><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>\(memberRows)</tbody></table>")
        \(pages.links(path: path, params: ["annee": String(year)]))
        \(addMember)
        \(volunteer)
        """
    }
}
