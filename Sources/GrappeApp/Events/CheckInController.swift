import Fluent
import Foundation
import GrappeDomain
import Vapor

/// The check-in for the day, made for a phone (`CheckInView`): the confirmed participants,
/// searched by name, email or company (`q`, by GET: works without JavaScript), and the form
/// that adds a participant on site (`OnSiteRegistration`).
enum CheckInController {
    static func list(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let event = try await EventController.find(req)
        return try await page(req, event, search: req.query[String.self, at: "q"] ?? "", form: FormState())
    }

    static func page(_ req: Request, _ event: ClusterEvent, search: String, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let registrations = try await Registration.query(on: req.db).filter(\.$event.$id == event.requireID()).filter(\.$status == .confirmed).all()
            .sorted { TextFolding.fold($0.name) < TextFolding.fold($1.name) }
        let search = String(search.trimmingCharacters(in: .whitespaces).prefix(100))
        let body = CheckInView.page(event, registrations: registrations, search: search, form: form, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Accueil", status: status, body: body)
    }

    /// « Ajouter un participant sur place »: registered and checked in at once.
    static func addOnSite(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let event = try await EventController.find(req)
        let draft = OnSiteRegistration.Draft(name: req.content[String.self, at: "name"] ?? "", email: req.content[String.self, at: "email"] ?? "",
                                             company: req.content[String.self, at: "company"] ?? "")
        let errors = draft.validate()
        guard errors.isEmpty else {
            return try await page(req, event, search: "", form: FormState(values: draft.values, errors: errors), status: .badRequest)
        }
        do {
            try await OnSiteRegistration.add(draft, event: event, now: req.now, on: req.db)
        } catch let failure as RegistrationService.Failure {
            return try await page(req, event, search: "", form: FormState(values: draft.values, errors: ["name": failure.description]), status: .badRequest)
        }
        return req.redirect(to: Site.eventCheckInList.path(try event.requireID()), flash: "\(draft.name) : inscrit(e) et arrivé(e).")
    }
}
