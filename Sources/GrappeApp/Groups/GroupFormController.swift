import Fluent
import GrappeDomain
import Vapor

/// Creating and editing a group: name, kind, description, projects, creation year, regular
/// meeting rule, active or dormant. Staff create; staff and the group's leads edit. The form is
/// drawn by `GroupFormView`.
enum GroupFormController {
    static func state(_ g: Group) -> FormState {
        FormState(values: ["name": g.name, "kind": g.kind.rawValue, "description": g.about, "projects": g.projects,
                           "founded": g.foundedOn.map { String(FrenchDate.year(of: $0)) } ?? "", "active": g.active ? "1" : "",
                           "ordinal": g.ruleOrdinal.map(String.init) ?? "", "weekday": g.ruleWeekday.map(String.init) ?? "5",
                           "start": g.ruleStart.map(MeetingRule.clock) ?? "12:00", "end": g.ruleEnd.map(MeetingRule.clock) ?? "13:30"])
    }

    static func newForm(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let draft = Group(organisationID: try await req.organisationID(), kind: .commission, name: "", slug: "", about: "", foundedOn: nil)
        return try await page(req, group: nil, form: state(draft))
    }

    static func editForm(_ req: Request) async throws -> Response {
        let group = try await GroupAccess.find(req)
        try await GroupAccess.requireManage(req, group: group)
        return try await page(req, group: group, form: state(group))
    }

    static func page(_ req: Request, group: Group?, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let title = group.map { "Modifier « \($0.name) »" } ?? "Nouveau groupe"
        let body = GroupFormView.form(title: title, action: group.map { Site.groupFormUpdate.path($0) } ?? Site.groupFormCreate.path(),
                                      form: form, chooseKind: req.viewer.isStaff, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: title, status: status, body: body)
    }

    /// Reads the form onto `group`; the returned form carries the errors.
    static func read(_ req: Request, into group: Group) -> FormState {
        var form = FormState()
        for key in ["name", "kind", "description", "projects", "founded", "active", "ordinal", "weekday", "start", "end"] {
            form.values[key] = (req.content[String.self, at: key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if form["name"].isEmpty { form.errors["name"] = "Le nom est obligatoire." } else if form["name"].count > 120 { form.errors["name"] = "120 caractères au maximum." }
        for key in ["description", "projects"] where form[key].count > 4000 { form.errors[key] = "4 000 caractères au maximum." }
        var kind = group.kind
        if req.viewer.isStaff { if let k = GroupKind(rawValue: form["kind"]) { kind = k } else { form.errors["kind"] = "Type inconnu." } }
        var founded: Date? = nil
        if !form["founded"].isEmpty {
            if let y = Int(form["founded"]), (1990...2100).contains(y) { founded = FrenchDate.make(y, 1, 1) } else { form.errors["founded"] = "Une année entre 1990 et 2100." }
        }
        var rule: MeetingRule? = nil
        if !form["ordinal"].isEmpty {
            guard let ordinal = Int(form["ordinal"]).flatMap(MeetingRule.Ordinal.init(rawValue:)), let weekday = Int(form["weekday"]) else {
                form.errors["ordinal"] = "Rendez-vous invalide."
                return form
            }
            guard let start = MeetingRule.minutes(form["start"]), let end = MeetingRule.minutes(form["end"]) else {
                form.errors["start"] = "Heures invalides (ex. 12:00 et 13:30)."
                return form
            }
            do { rule = try MeetingRule(ordinal: ordinal, weekday: weekday, start: start, end: end) } catch { form.errors["end"] = error.description }
        }
        guard form.errors.isEmpty else { return form }
        group.name = form["name"]; group.kind = kind; group.about = form["description"]; group.projects = form["projects"]
        group.foundedOn = founded; group.active = form["active"] == "1"; group.rule = rule
        return form
    }

    static func create(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let orgID = try await req.organisationID()
        let group = Group(organisationID: orgID, kind: .commission, name: "", slug: "", about: "", foundedOn: nil)
        let form = read(req, into: group)
        guard form.errors.isEmpty else { return try await page(req, group: nil, form: form, status: .badRequest) }
        let base = TextFolding.slug(group.name)
        let taken = Set(try await Group.query(on: req.db).filter(\.$organisation.$id == orgID).all().map(\.slug))
        var slug = base, n = 2
        while taken.contains(slug) { slug = "\(base)-\(n)"; n += 1 }
        group.slug = slug
        try await req.db.transaction { db in
            try await group.create(on: db)
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "group", entityID: try group.requireID(), action: "create",
                                   changes: ["groupe": ("", group.name)])
        }
        return req.redirect(to: Site.groupShow.path(group.slug), flash: "Groupe créé.")
    }

    static func update(_ req: Request) async throws -> Response {
        let group = try await GroupAccess.find(req)
        let user = try await GroupAccess.requireManage(req, group: group)
        let before = state(group).values
        let form = read(req, into: group)
        guard form.errors.isEmpty else { return try await page(req, group: group, form: form, status: .badRequest) }
        try await req.db.transaction { db in
            try await group.save(on: db)
            try await Audit.record(on: db, organisationID: group.$organisation.id, user: user, entity: "group", entityID: try group.requireID(),
                                   action: "update", changes: Audit.diff(before, state(group).values))
        }
        return req.redirect(to: Site.groupShow.path(group.slug), flash: "Groupe enregistré.")
    }
}
