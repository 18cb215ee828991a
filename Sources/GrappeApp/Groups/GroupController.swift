import Fluent
import GrappeDomain
import Vapor

/// Commissions, clubs, the board and the bureau: list, page (`GroupPage`, drawn by `GroupView`),
/// members, meetings.
enum GroupController {
    static func index(_ req: Request) async throws -> Response {
        _ = try req.requireUser()
        let orgID = try await req.organisationID()
        let year = try await req.year()
        let groups = try await Group.query(on: req.db).filter(\.$organisation.$id == orgID).all().sortedInFrench(by: \.name)
        let stats = try await GroupQueries.stats(req.db, organisationID: orgID, year: year)
        let visible = req.viewer.readsEverything ? groups : groups.filter { $0.kind == .commission || $0.kind == .club }
        let body = GroupView.index(visible, stats: stats, year: year, insider: req.viewer.readsEverything, staff: req.viewer.isStaff)
        return try await Layout.page(req, title: "Groupes", body: body)
    }

    static func show(_ req: Request) async throws -> Response {
        let group = try await GroupAccess.find(req)
        try await GroupAccess.requireRead(req, group: group)
        let membership = try await GroupAccess.membership(req, group: group)
        let access = GroupView.Access(inside: GroupAccess.seesInside(req, group: group, membership: membership),
                                      manage: GroupAccess.canManage(req, membership: membership), mine: membership?.status,
                                      canAsk: group.kind == .club && GroupAccess.personID(req) != nil)
        guard access.inside else {
            return try await Layout.page(req, title: group.name, body: GroupView.outside(group: group, access: access, csrf: CSRF.hiddenField(req)))
        }
        let page = try await GroupPage.load(req.db, group: group, organisationID: try await req.organisationID(), year: try await req.year(),
                                            manage: access.manage)
        let pages = Pagination(page: Pagination.requestedPage(req), perPage: GroupView.membersPerPage, total: page.members.count)
        return try await Layout.page(req, title: group.name, body: GroupView.page(page, access: access, pages: pages, csrf: CSRF.hiddenField(req)))
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
        return req.redirect(to: path + "?annee=\(year)", flash: created == 0 ? "Toutes les réunions \(year) existent déjà." : "\(French.count(created, "réunion", "réunions")) \(year) \(French.word(created, "planifiée", "planifiées")).")
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
