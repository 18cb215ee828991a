import Fluent
import GrappeDomain
import Vapor

/// One meeting: details, agenda and minutes, attendance; and creating meetings (of a group or
/// with an institution). The page is a `MeetingPage` drawn by `MeetingView`.
enum MeetingController {
    struct Loaded { let meeting: Meeting; let group: Group? }

    static func load(_ req: Request) async throws -> Loaded {
        let id = try req.uuidParameter("meetingID")
        guard let meeting = try await Meeting.find(id, on: req.db), meeting.$organisation.id == (try await req.organisationID()) else { throw Abort(.notFound) }
        let group = try await meeting.$group.get(on: req.db)
        if let group { try await GroupAccess.requireInside(req, group: group) } else { try req.require(.staff, .board) }
        return Loaded(meeting: meeting, group: group)
    }

    /// Staff, or a lead of the meeting's group.
    static func requireManage(_ req: Request, _ l: Loaded) async throws -> User {
        if let group = l.group { return try await GroupAccess.requireManage(req, group: group) }
        return try req.require(.staff)
    }

    static func show(_ req: Request) async throws -> Response {
        let loaded = try await load(req)
        return try await page(req, loaded, form: formState(loaded.meeting))
    }

    static func formState(_ m: Meeting) -> FormState {
        FormState(values: ScheduleFields.values(start: m.startsAt, end: m.endsAt).merging(
            ["title": m.title, "place": m.place, "status": m.status.rawValue, "agenda": m.agenda, "minutes": m.minutes]) { a, _ in a })
    }

    static func page(_ req: Request, _ l: Loaded, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let page = try await MeetingPage.load(req.db, meeting: l.meeting, group: l.group)
        let manage = l.group == nil ? req.viewer.isStaff : GroupAccess.canManage(req, membership: try await GroupAccess.membership(req, group: l.group!))
        return try await Layout.page(req, title: l.meeting.title, status: status,
                                     body: MeetingView.page(page, manage: manage, form: form, csrf: CSRF.hiddenField(req)))
    }

    /// Reads and checks date, times and text fields; nil values mean errors in `form`.
    static func readSchedule(_ req: Request, form: inout FormState) -> (start: Date, end: Date)? {
        for key in ["title", "date", "start", "end", "place", "status", "agenda", "minutes", "institution"] {
            if let v = req.content[String.self, at: key] { form.values[key] = v.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        if form["title"].isEmpty { form.errors["title"] = "L'objet est obligatoire." } else if form["title"].count > 200 { form.errors["title"] = "200 caractères au maximum." }
        if form["place"].count > 200 { form.errors["place"] = "200 caractères au maximum." }
        for key in ["agenda", "minutes"] where form[key].count > 20_000 { form.errors[key] = "20 000 caractères au maximum." }
        let schedule = ScheduleFields.read(&form)
        return form.errors.isEmpty ? schedule : nil
    }

    static func create(_ req: Request) async throws -> Response {
        let orgID = try await req.organisationID()
        var form = FormState()
        var group: Group? = nil
        let user: User
        if let slug = req.content[String.self, at: "group"], !slug.isEmpty {
            group = try await Group.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$slug == slug).first()
            guard let group else { throw Abort(.notFound) }
            user = try await GroupAccess.requireManage(req, group: group)
        } else {
            user = try req.require(.staff)
        }
        let schedule = readSchedule(req, form: &form)
        let institution = form["institution"]
        if group == nil && institution.isEmpty { form.errors["institution"] = "Indiquez l'institution." }
        if institution.count > 120 { form.errors["institution"] = "120 caractères au maximum." }
        let back = group.map { Site.groupShow.path($0.slug) } ?? Site.governanceIndex.path()
        guard form.errors.isEmpty, let schedule else {
            return req.redirect(to: back, flash: "Réunion non enregistrée : " + form.errors.sorted { $0.key < $1.key }.map(\.value).joined(separator: " "), .error)
        }
        let meeting = Meeting(organisationID: orgID, groupID: try group?.requireID(), institution: group == nil ? institution : "",
                              title: form["title"], startsAt: schedule.start, endsAt: schedule.end,
                              status: schedule.start < req.now ? .held : .planned)
        try await req.db.transaction { db in
            try await meeting.create(on: db)
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "meeting", entityID: try meeting.requireID(), action: "create",
                                   changes: ["réunion": ("", "\(meeting.title) le \(FrenchDate.short(meeting.startsAt))")])
        }
        return req.redirect(to: Site.meetingShow.path(try meeting.requireID()), flash: "Réunion enregistrée.")
    }

    static func update(_ req: Request) async throws -> Response {
        let l = try await load(req)
        let user = try await requireManage(req, l)
        var form = formState(l.meeting)
        form.errors = [:]
        let schedule = readSchedule(req, form: &form)
        let status = MeetingStatus(rawValue: form["status"])
        if status == nil { form.errors["status"] = "État inconnu." }
        guard form.errors.isEmpty, let schedule, let status else { return try await page(req, l, form: form, status: .badRequest) }
        let m = l.meeting
        let before = ["objet": m.title, "début": FrenchDate.dateTime(m.startsAt), "fin": FrenchDate.dateTime(m.endsAt), "lieu": m.place, "état": m.status.label]
        m.title = form["title"]; m.reschedule(start: schedule.start, end: schedule.end); m.place = form["place"]
        m.status = status; m.agenda = form["agenda"]; m.minutes = form["minutes"]
        let after = ["objet": m.title, "début": FrenchDate.dateTime(m.startsAt), "fin": FrenchDate.dateTime(m.endsAt), "lieu": m.place, "état": m.status.label]
        try await req.db.transaction { db in
            try await m.save(on: db)
            try await Audit.record(on: db, organisationID: m.$organisation.id, user: user, entity: "meeting", entityID: try m.requireID(),
                                   action: "update", changes: Audit.diff(before, after))
        }
        return req.redirect(to: Site.meetingShow.path(try m.requireID()), flash: "Réunion enregistrée.")
    }

    /// Records who was present, excused or absent (fields `p_<person id>`), replacing the previous list.
    static func attendance(_ req: Request) async throws -> Response {
        let l = try await load(req)
        let user = try await requireManage(req, l)
        let meetingID = try l.meeting.requireID()
        var entries: [(UUID, AttendanceStatus)] = []
        let body = (try? req.content.decode([String: String].self)) ?? [:]
        for (key, value) in body where key.hasPrefix("p_") {
            guard let id = UUID(uuidString: String(key.dropFirst(2))) else { continue }
            guard let status = AttendanceStatus(rawValue: value) else {
                return req.redirect(to: Site.meetingShow.path(meetingID), flash: "Présence invalide.", .error)
            }
            entries.append((id, status))
        }
        let ids = entries.map(\.0)
        let known = ids.isEmpty ? 0 : try await Person.query(on: req.db).filter(\.$id ~~ ids).filter(\.$organisation.$id == l.meeting.$organisation.id).count()
        guard known == Set(ids).count else { throw Abort(.badRequest) }
        let present = entries.filter { $0.1 == .present }.count
        let marks = entries
        try await req.db.transaction { db in
            try await Attendance.query(on: db).filter(\.$meeting.$id == meetingID).delete()
            for (personID, status) in marks { try await Attendance(meetingID: meetingID, personID: personID, status: status).create(on: db) }
            if l.meeting.status == .planned && present > 0 && l.meeting.startsAt < req.now {
                l.meeting.status = .held
                try await l.meeting.save(on: db)
            }
            try await Audit.record(on: db, organisationID: l.meeting.$organisation.id, user: user, entity: "meeting", entityID: meetingID,
                                   action: "update", changes: ["présents": ("", String(present))])
        }
        return req.redirect(to: Site.meetingShow.path(meetingID), flash: "Présences enregistrées : \(French.count(present, "présent", "présents")).")
    }
}
