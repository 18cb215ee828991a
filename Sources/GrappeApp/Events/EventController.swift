import Fluent
import GrappeDomain
import Vapor

/// Events: the public and member agenda, an event's page and registration, cancellation, and
/// the staff's forms and the check-in button (the list is `CheckInController`'s). The pages are
/// drawn by `EventView`.
enum EventController {
    static func find(_ req: Request) async throws -> ClusterEvent {
        let id = try req.uuidParameter("eventID")
        guard let event = try await ClusterEvent.find(id, on: req.db), event.$organisation.id == (try await req.organisationID()) else { throw Abort(.notFound) }
        if event.audience == .members && req.viewer.user == nil { throw LoginRequired(returnTo: req.url.string) }
        if !req.viewer.isStaff && (event.status == .standby || event.status == .cancelled) && event.startsAt > req.now && req.viewer.user == nil { throw Abort(.notFound) }
        return event
    }

    static func index(_ req: Request) async throws -> Response {
        let orgID = try await req.organisationID()
        var query = ClusterEvent.query(on: req.db).filter(\.$organisation.$id == orgID)
        if req.viewer.user == nil { query = query.filter(\.$audience == .everyone) }
        if !req.viewer.isStaff { query = query.filter(\.$status ~~ [.planned, .done]) }
        let year = req.query[Int.self, at: "annee"].flatMap { (2000...2100).contains($0) ? $0 : nil }
        if let year {
            let (from, to) = FrenchDate.yearBounds(year)
            query = query.filter(\.$startsAt >= from).filter(\.$startsAt < to)
        }
        let events = try await query.sort(\.$startsAt, .descending).limit(200).with(\.$host).all()
        let now = req.now
        let body = EventView.list(upcoming: events.filter { $0.endsAt >= now }.reversed(), past: events.filter { $0.endsAt < now }, staff: req.viewer.isStaff)
        return try await Layout.page(req, title: "Événements", body: body)
    }

    static func show(_ req: Request) async throws -> Response {
        let event = try await find(req)
        return try await page(req, event, form: FormState())
    }

    static func page(_ req: Request, _ event: ClusterEvent, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let page = try await EventPage.load(req.db, event: event, readerEmail: req.viewer.user?.email)
        let reader = EventView.Reader(staff: req.viewer.isStaff, signedIn: req.viewer.user != nil)
        return try await Layout.page(req, title: event.title, status: status,
                                     body: EventView.page(page, reader: reader, now: req.now, form: form, csrf: CSRF.hiddenField(req)))
    }

    static func register(_ req: Request) async throws -> Response {
        let event = try await find(req)
        let path = Site.eventShow.path(try event.requireID())
        switch PublicFormGuard.check(req, form: "register") {
        case .limited:
            return try await page(req, event, form: FormState(errors: ["email": PublicFormGuard.limitedMessage]), status: .tooManyRequests)
        case .honeypot where req.viewer.user == nil:
            return req.redirect(to: path, flash: "Inscription enregistrée.")
        default: break
        }
        var name: String, email: String, personID: UUID? = nil
        if let user = req.viewer.user {
            name = user.displayName; email = user.email; personID = user.$person.id
        } else {
            name = (req.content[String.self, at: "name"] ?? "").trimmingCharacters(in: .whitespaces)
            email = (req.content[String.self, at: "email"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            var form = FormState(values: ["name": name, "email": email])
            if name.isEmpty { form.errors["name"] = "Votre nom est obligatoire." } else if name.count > 120 { form.errors["name"] = "120 caractères au maximum." }
            if !FieldCheck.isEmail(email) { form.errors["email"] = "Adresse e-mail invalide." }
            if !form.errors.isEmpty { return try await page(req, event, form: form, status: .badRequest) }
        }
        do {
            let registration = try await RegistrationService.register(event: event, personID: personID, name: name, email: email, app: req.application, on: req.db)
            return req.redirect(to: path, flash: registration.status == .confirmed
                                ? "Inscription confirmée : un courriel vous a été envoyé."
                                : "L'événement est complet : vous êtes sur la liste d'attente.")
        } catch let failure as RegistrationService.Failure {
            return try await page(req, event, form: FormState(values: ["name": name, "email": email], errors: ["email": failure.description]), status: .badRequest)
        }
    }

    /// A logged-in person cancels their own registration.
    static func unregister(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let event = try await find(req)
        guard let registration = try await Registration.query(on: req.db).filter(\.$event.$id == event.requireID()).filter(\.$email == user.email).first() else { throw Abort(.notFound) }
        try await RegistrationService.cancel(registration, event: event, app: req.application, on: req.db)
        return req.redirect(to: Site.eventShow.path(try event.requireID()), flash: "Inscription annulée.")
    }

    /// A guest's cancellation link from their email: a confirmation page, then a POST.
    static func cancelForm(_ req: Request) async throws -> Response {
        let (registration, event) = try await byToken(req)
        let body = EventView.cancel(registration, event: event, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Annuler mon inscription", body: body)
    }

    static func cancelByToken(_ req: Request) async throws -> Response {
        let (registration, event) = try await byToken(req)
        try await RegistrationService.cancel(registration, event: event, app: req.application, on: req.db)
        return req.redirect(to: Site.eventCancelForm.path(registration.token), flash: "Votre inscription est annulée. Merci de nous avoir prévenus.")
    }

    static func byToken(_ req: Request) async throws -> (Registration, ClusterEvent) {
        guard let token = req.parameters.get("token"), token.count >= 20, token.count <= 100,
              let registration = try await Registration.query(on: req.db).filter(\.$token == token).with(\.$event).first() else { throw Abort(.notFound) }
        return (registration, registration.event)
    }

    // MARK: staff

    static func newForm(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let draft = ClusterEvent(organisationID: try await req.organisationID(), kind: .afterwork, title: "", startsAt: FrenchDate.at(req.now, minutes: 17 * 60 + 30),
                                 endsAt: FrenchDate.at(req.now, minutes: 19 * 60 + 30), capacity: 0, audience: .members)
        var form = EventForm.state(draft)
        form.values["date"] = ""
        return try await editPage(req, event: nil, form: form)
    }

    static func editPage(_ req: Request, event: ClusterEvent?, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let companies = try await Company.query(on: req.db).filter(\.$organisation.$id == req.organisationID()).all().sortedInFrench(by: \.name)
        let title = event == nil ? "Nouvel événement" : "Modifier « \(event!.title) »"
        let body = EventView.form(title: title, action: event.map { Site.eventUpdate.path($0) } ?? Site.eventCreate.path(), form: form,
                                  companies: companies, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: title, status: status, body: body)
    }

    static func create(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let orgID = try await req.organisationID()
        let event = ClusterEvent(organisationID: orgID, kind: .other, title: "", startsAt: req.now, endsAt: req.now)
        let form = try await EventForm.read(req, into: event)
        guard form.errors.isEmpty else { return try await editPage(req, event: nil, form: form, status: .badRequest) }
        try await req.db.transaction { db in
            try await event.create(on: db)
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "event", entityID: try event.requireID(), action: "create",
                                   changes: ["événement": ("", "\(event.title) le \(FrenchDate.short(event.startsAt))")])
        }
        return req.redirect(to: Site.eventShow.path(try event.requireID()), flash: "Événement créé.")
    }

    static func editForm(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let event = try await find(req)
        return try await editPage(req, event: event, form: EventForm.state(event))
    }

    static func update(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let event = try await find(req)
        let before = EventForm.state(event).values
        let form = try await EventForm.read(req, into: event)
        guard form.errors.isEmpty else { return try await editPage(req, event: event, form: form, status: .badRequest) }
        try await req.db.transaction { db in
            try await event.save(on: db)
            try await RegistrationService.promote(event: event, app: req.application, on: db)
            try await Audit.record(on: db, organisationID: event.$organisation.id, user: user, entity: "event", entityID: try event.requireID(),
                                   action: "update", changes: Audit.diff(before, EventForm.state(event).values))
        }
        return req.redirect(to: Site.eventShow.path(try event.requireID()), flash: "Événement enregistré.")
    }

    static func checkIn(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let event = try await find(req)
        let id = try req.uuidParameter("registrationID")
        guard let registration = try await Registration.find(id, on: req.db), registration.$event.id == event.id, registration.status == .confirmed else { throw Abort(.notFound) }
        registration.checkedInAt = registration.checkedInAt == nil ? req.now : nil
        try await registration.save(on: req.db)
        // Back to the list as it was searched (`CheckInView` sends the search along).
        let search = (req.content[String.self, at: "q"] ?? "").addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return req.redirect(to: Site.eventCheckInList.path(event.id!) + (search.isEmpty ? "" : "?q=\(search)"))
    }
}
