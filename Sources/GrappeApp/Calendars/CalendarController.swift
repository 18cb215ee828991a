import Fluent
import GrappeDomain
import Vapor

/// iCalendar feeds: each commission's meetings (public: the report publishes their rhythm), and
/// a personal feed of the person's groups through a secret link that can be reset. The
/// settings page is drawn by `CalendarView`.
enum CalendarController {
    static func icsName(_ req: Request) throws -> String {
        guard let file = req.parameters.get("file"), file.hasSuffix(".ics"), file.count <= 130 else { throw Abort(.notFound) }
        return String(file.dropLast(4))
    }

    static func response(_ calendar: ICalendar, filename: String) -> Response {
        Response(status: .ok, headers: ["Content-Type": "text/calendar; charset=utf-8",
                                        "Content-Disposition": "inline; filename=\"\(filename).ics\"", "Cache-Control": "no-cache"],
                 body: .init(string: calendar.render()))
    }

    /// Meetings of the groups, this year and the next, as calendar events.
    static func events(_ db: any Database, groups: [Group], now: Date) async throws -> [ICalendar.Event] {
        guard !groups.isEmpty else { return [] }
        let year = FrenchDate.year(of: now)
        let (from, _) = FrenchDate.yearBounds(year - 1)
        let (_, to) = FrenchDate.yearBounds(year + 1)
        let meetings = try await Meeting.query(on: db).filter(\.$group.$id ~~ groups.compactMap(\.id))
            .filter(\.$startsAt >= from).filter(\.$startsAt < to).all()
        let byGroup = Dictionary(grouping: meetings, by: { $0.$group.id })
        return groups.flatMap { group in
            MeetingSeries.events(groupUID: group.id!.uuidString, title: group.name, rule: group.rule,
                                 meetings: (byGroup[group.id] ?? []).map { .init(id: $0.id!.uuidString, start: $0.startsAt, end: $0.endsAt, cancelled: $0.status == .cancelled) })
        }
    }

    static func eventItems(_ events: [ClusterEvent], baseURL: String) -> [ICalendar.Event] {
        events.map { e in
            ICalendar.Event(uid: "\(e.id!.uuidString)@grappe", start: e.startsAt, end: e.endsAt, summary: e.title,
                            description: "\(e.kind.label) — \(baseURL)\(Site.eventShow.path(e))", location: e.place, cancelled: e.status == .cancelled)
        }
    }

    /// All public events (planned or done; a cancelled one stays, marked cancelled).
    static func publicEvents(_ req: Request) async throws -> Response {
        let org = try await req.organisation()
        let events = try await ClusterEvent.query(on: req.db).filter(\.$organisation.$id == org.requireID()).filter(\.$audience == .everyone)
            .filter(\.$status ~~ [.planned, .done, .cancelled]).sort(\.$startsAt).all()
        return response(ICalendar(name: "\(org.name) — événements", events: eventItems(events, baseURL: req.application.baseURL)), filename: "evenements")
    }

    static func group(_ req: Request) async throws -> Response {
        let slug = try icsName(req)
        guard let group = try await Group.query(on: req.db).filter(\.$organisation.$id == req.organisationID()).filter(\.$slug == slug).first(),
              group.kind == .commission else { throw Abort(.notFound) }
        return response(ICalendar(name: group.name, events: try await events(req.db, groups: [group], now: req.now)), filename: slug)
    }

    static func personal(_ req: Request) async throws -> Response {
        let token = try icsName(req)
        guard token.count >= 20, let user = try await User.query(on: req.db).filter(\.$calendarToken == token).first(), user.active else { throw Abort(.notFound) }
        var groups: [Group] = []
        if let personID = user.$person.id {
            groups = try await GroupMember.query(on: req.db).filter(\.$person.$id == personID).filter(\.$status == .member)
                .with(\.$group).all().map(\.group)
        }
        let registered = try await Registration.query(on: req.db).filter(\.$email == user.email).filter(\.$status ~~ [.confirmed, .waitlisted])
            .with(\.$event).all().map(\.event)
        let org = try await req.organisation()
        let items = try await events(req.db, groups: groups, now: req.now) + eventItems(registered, baseURL: req.application.baseURL)
        return response(ICalendar(name: "\(org.name) — \(user.displayName)", events: items), filename: "agenda")
    }

    static func settings(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let token = try await ensureToken(user, on: req.db)
        let commissions = try await Group.query(on: req.db).filter(\.$organisation.$id == req.organisationID()).filter(\.$kind == .commission).all().sortedInFrench(by: \.name)
        let body = CalendarView.settings(baseURL: req.application.baseURL, token: token, commissions: commissions, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Agenda", body: body)
    }

    static func ensureToken(_ user: User, on db: any Database) async throws -> String {
        if let token = user.calendarToken { return token }
        let token = Tokens.random(bytes: 24)
        user.calendarToken = token
        try await user.save(on: db)
        return token
    }

    static func reset(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        user.calendarToken = Tokens.random(bytes: 24)
        try await user.save(on: req.db)
        return req.redirect(to: Site.calendarSettings.path(), flash: "Nouveau lien créé : mettez à jour votre application de calendrier.")
    }
}
