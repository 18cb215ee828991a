import Fluent
import GrappeDomain
import Vapor

/// Commissions, clubs, the board and the bureau: list, page, members, meetings.
enum GroupController {
    static func index(_ req: Request) async throws -> Response {
        _ = try req.requireUser()
        let orgID = try await req.organisationID()
        let year = try await req.year()
        let groups = try await Group.query(on: req.db).filter(\.$organisation.$id == orgID).sort(\.$name).all()
        let stats = try await GroupQueries.stats(req.db, organisationID: orgID, year: year)
        let visible = req.viewer.readsEverything ? groups : groups.filter { $0.kind == .commission || $0.kind == .club }
        let sections = GroupKind.allCases.map { kind -> HTML in
            let rows = visible.filter { $0.kind == kind }.map { g -> HTML in
                let s = stats[g.id!] ?? GroupYearStats()
                return """
                <tr><td><a href="\(Site.groupShow.path(g.slug))">\(g.name)</a>\(g.active ? .empty : UI.badge("en sommeil", "info"))</td>
                <td>\(g.rule?.label ?? "—")</td><td class="num">\(s.members)</td><td class="num">\(s.activeMembers)</td>
                <td class="num">\(s.meetingsHeld)</td><td class="num">\(s.averageAttendance.map { String(format: "%.1f", $0).replacingOccurrences(of: ".", with: ",") } ?? "—")</td>
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
        let body: HTML = """
        <div class="page-head"><h1>Groupes \(year)</h1>\(req.viewer.readsEverything ? "<div class=\"actions\"><a class=\"button\" href=\"\(Site.volunteerIndex.path())?annee=\(year)\">Bénévolat</a>\(req.viewer.isStaff ? " <a class=\"button primary\" href=\"\(Site.groupFormNewForm.path())\">Nouveau groupe</a>" as HTML : .empty)</div>" as HTML : .empty)<p class="years"><a href="\(Site.groupIndex.path())?annee=\(year - 1)">← \(year - 1)</a> · <a href="\(Site.groupIndex.path())?annee=\(year + 1)">\(year + 1) →</a></p></div>
        \(visible.isEmpty ? UI.emptyState("Aucun groupe.") : HTML.join(sections))
        """
        return try await Layout.page(req, title: "Groupes", body: body)
    }

    static func show(_ req: Request) async throws -> Response {
        let group = try await GroupAccess.find(req)
        try await GroupAccess.requireRead(req, group: group)
        let membership = try await GroupAccess.membership(req, group: group)
        let access = GroupView.Access(inside: GroupAccess.seesInside(req, group: group, membership: membership),
                                      manage: GroupAccess.canManage(req, membership: membership), mine: membership?.status,
                                      canAsk: group.kind == .club && GroupAccess.personID(req) != nil)
        let orgID = try await req.organisationID()
        let year = try await req.year()
        let groupID = try group.requireID()
        guard access.inside else {
            return try await Layout.page(req, title: group.name, body: GroupView.outside(req, group: group, access: access))
        }
        let everyone = try await GroupMember.query(on: req.db).filter(\.$group.$id == groupID).with(\.$person).all()
            .sorted { $0.person.lastName < $1.person.lastName }
        let members = everyone.filter { $0.status == .member }
        let requests = access.manage ? everyone.filter { $0.status == .pending } : []
        let (from, to) = FrenchDate.yearBounds(year)
        let meetings = try await Meeting.query(on: req.db).filter(\.$group.$id == groupID)
            .filter(\.$startsAt >= from).filter(\.$startsAt < to).sort(\.$startsAt).all()
        let stats = try await GroupQueries.stats(req.db, organisationID: orgID, year: year)[groupID] ?? GroupYearStats()
        // The people a manager may add: listed while they are few (`PersonPicker`).
        var people: [(id: UUID, name: String)]? = nil
        if access.manage, try await Person.query(on: req.db).filter(\.$organisation.$id == orgID).count() <= PersonPicker.listLimit {
            people = try await Person.query(on: req.db).filter(\.$organisation.$id == orgID).sort(\.$lastName).all()
                .map { (try $0.requireID(), "\($0.lastName) \($0.firstName)") }
        }
        let pages = Pagination(page: Pagination.requestedPage(req), perPage: GroupView.membersPerPage, total: members.count)
        return try await Layout.page(req, title: group.name, body: GroupView.render(req, group: group, year: year, access: access, members: members,
                                                                                  pages: pages, requests: requests, meetings: meetings, stats: stats,
                                                                                  people: people))
    }

    static func addMember(_ req: Request) async throws -> Response {
        let group = try await GroupAccess.find(req)
        let user = try await GroupAccess.requireManage(req, group: group)
        let path = Site.groupShow.path(group.slug)
        guard let person = try await PersonPicker.chosen(req, organisationID: group.$organisation.id), let personID = person.id else {
            return req.redirect(to: path, flash: "Choisissez une personne.", .error)
        }
        let role = (req.content[String.self, at: "role"] ?? "").trimmingCharacters(in: .whitespaces)
        guard role.count <= 80 else { return req.redirect(to: path, flash: "Rôle : 80 caractères au maximum.", .error) }
        let groupID = try group.requireID()
        if let existing = try await GroupMember.query(on: req.db).filter(\.$group.$id == groupID).filter(\.$person.$id == personID).first(),
           existing.status == .member {
            return req.redirect(to: path, flash: "\(person.fullName) fait déjà partie du groupe.", .info)
        }
        try await req.db.transaction { db in
            try await GroupMember.query(on: db).filter(\.$group.$id == groupID).filter(\.$person.$id == personID).delete()
            try await GroupMember(groupID: groupID, personID: personID, role: role).create(on: db)
            try await Audit.record(on: db, organisationID: group.$organisation.id, user: user, entity: "group", entityID: groupID,
                                   action: "update", changes: ["membre": ("", person.fullName)])
        }
        return req.redirect(to: path, flash: "\(person.fullName) ajouté(e) au groupe.")
    }

    static func toggleMember(_ req: Request) async throws -> Response {
        let group = try await GroupAccess.find(req)
        let user = try await GroupAccess.requireManage(req, group: group)
        let personID = try req.uuidParameter("personID")
        guard let member = try await GroupMember.query(on: req.db).filter(\.$group.$id == group.requireID()).filter(\.$person.$id == personID)
            .with(\.$person).first() else { throw Abort(.notFound) }
        member.active.toggle()
        try await req.db.transaction { db in
            try await member.save(on: db)
            try await Audit.record(on: db, organisationID: group.$organisation.id, user: user, entity: "group", entityID: try group.requireID(),
                                   action: "update", changes: ["\(member.person.fullName) actif": (member.active ? "non" : "oui", member.active ? "oui" : "non")])
        }
        return req.redirect(to: Site.groupShow.path(group.slug), flash: "\(member.person.fullName) : \(member.active ? "actif" : "inactif").")
    }

    /// Creates the year's planned meetings from the group's rule, skipping days that already have one.
    static func generate(_ req: Request) async throws -> Response {
        let group = try await GroupAccess.find(req)
        try await GroupAccess.requireManage(req, group: group)
        let path = Site.groupShow.path(group.slug)
        guard let rule = group.rule else { return req.redirect(to: path, flash: "Ce groupe n'a pas de rendez-vous régulier.", .error) }
        guard let year = req.content[Int.self, at: "year"], (2000...2100).contains(year) else {
            return req.redirect(to: path, flash: "Année invalide.", .error)
        }
        let created = try await MeetingPlanner.plan(group: group, rule: rule, year: year, on: req.db)
        return req.redirect(to: path + "?annee=\(year)", flash: created == 0 ? "Toutes les réunions \(year) existent déjà." : "\(created) réunion(s) \(year) planifiée(s).")
    }
}

/// Minutes as French hours: 5400 → « 90 h ».
enum Hours {
    static func format(_ minutes: Int) -> String {
        guard minutes > 0 else { return "—" }
        let h = minutes / 60, m = minutes % 60
        return m == 0 ? "\(Money.grouped(h)) h" : "\(Money.grouped(h)) h \(String(format: "%02d", m))"
    }
}

/// Planned meetings from a rule.
enum MeetingPlanner {
    static func plan(group: Group, rule: MeetingRule, year: Int, on db: any Database) async throws -> Int {
        let (from, to) = FrenchDate.yearBounds(year)
        let groupID = try group.requireID()
        let existing = try await Meeting.query(on: db).filter(\.$group.$id == groupID).filter(\.$startsAt >= from).filter(\.$startsAt < to).all()
        let taken = Set(existing.map { FrenchDate.iso($0.startsAt) })
        let missing = rule.occurrences(from: from, to: to).filter { !taken.contains(FrenchDate.iso($0.start)) }
        let orgID = group.$organisation.id, title = "Réunion \(group.name)"
        try await db.transaction { db in
            for occurrence in missing {
                try await Meeting(organisationID: orgID, groupID: groupID, title: title, startsAt: occurrence.start, endsAt: occurrence.end).create(on: db)
            }
        }
        return missing.count
    }
}
