import Fluent
import GrappeDomain
import Vapor

/// The public side of the newsletter: sign-up with double opt-in, confirmation, and the
/// unsubscribe link (one click from the mail client per RFC 8058, or a button on the page).
/// The pages are drawn by `SubscriptionView`.
enum SubscriptionController {
    static func form(_ req: Request) async throws -> Response { try await page(req, form: FormState()) }

    static func page(_ req: Request, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let body = SubscriptionView.form(form, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Lettre d'information", status: status, body: body)
    }

    static func signUp(_ req: Request) async throws -> Response {
        let email = FieldCheck.trimmed(req.content[String.self, at: "email"]).lowercased()
        var form = FormState(values: ["email": email])
        switch PublicFormGuard.check(req, form: "newsletter") {
        case .honeypot: return req.redirect(to: Site.subscriptionForm.path(), flash: "Merci : consultez votre messagerie pour confirmer.")
        case .limited:
            form.errors["email"] = PublicFormGuard.limitedMessage
            return try await page(req, form: form, status: .tooManyRequests)
        case .proceed: break
        }
        if !FieldCheck.isEmail(email) { form.errors["email"] = "Adresse e-mail invalide." }
        if req.content[String.self, at: "consent"] != "1" { form.errors["consent"] = "Cochez la case pour accepter de recevoir la lettre." }
        guard form.errors.isEmpty else { return try await page(req, form: form, status: .badRequest) }
        try await NewsletterService.signUp(email: email, organisationID: try await req.organisationID(), app: req.application, on: req.db)
        return req.redirect(to: Site.subscriptionForm.path(), flash: "Merci : consultez votre messagerie pour confirmer votre inscription.")
    }

    static func confirm(_ req: Request) async throws -> Response {
        guard let row = try await NewsletterService.byToken(req.parameters.get("token"), on: req.db), row.status != .unsubscribed else {
            return try await Layout.page(req, title: "Lien invalide", status: .notFound, body: SubscriptionView.invalidLink)
        }
        try await NewsletterService.confirm(row, on: req.db)
        return try await Layout.page(req, title: "Inscription confirmée",
                                     body: SubscriptionView.confirmed(email: row.email))
    }

    static func unsubscribeForm(_ req: Request) async throws -> Response {
        guard let row = try await NewsletterService.byToken(req.parameters.get("token"), on: req.db) else { throw Abort(.notFound) }
        let body = SubscriptionView.unsubscribeForm(row)
        return try await Layout.page(req, title: "Désabonnement", body: body)
    }

    /// One-click unsubscribe: the token in the URL is the authority (no session, no CSRF
    /// token: mail clients POST `List-Unsubscribe=One-Click` here).
    static func unsubscribe(_ req: Request) async throws -> Response {
        guard let row = try await NewsletterService.byToken(req.parameters.get("token"), on: req.db) else { throw Abort(.notFound) }
        try await NewsletterService.unsubscribe(row, on: req.db)
        return try await Layout.page(req, title: "Désabonnement",
                                     body: SubscriptionView.unsubscribed(email: row.email))
    }
}
