import Fluent
import GrappeDomain
import Vapor

/// The public side of the newsletter: sign-up with double opt-in, confirmation, and the
/// unsubscribe link (one click from the mail client per RFC 8058, or a button on the page).
enum SubscriptionController {
    static func form(_ req: Request) async throws -> Response { try await page(req, form: FormState()) }

    static func page(_ req: Request, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let body: HTML = """
        <section class="narrow"><h1>La lettre d'information</h1>
        <p>L'actualité du numérique calédonien et du cluster, quelques fois par an.</p>
        \(form.summary)
        <form method="post" action="\(Site.subscriptionSignUp.path())" class="stack">\(CSRF.hiddenField(req))\(PublicFormGuard.field)
        \(Input.text("email", "Votre e-mail", form, type: "email", required: true, maxLength: 254))
        <div class="field check\(form.errors["consent"] != nil ? " has-error" : "")"><label><input type="checkbox" name="consent" value="1"> \(NewsletterService.consentWording)</label>
        \(form.errors["consent"].map { HTML("<p class=\"error\">\($0)</p>") })</div>
        <button class="primary">M'inscrire</button></form>
        <p class="muted">Vous recevrez un e-mail pour confirmer votre adresse.</p></section>
        """
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
            return try await Layout.page(req, title: "Lien invalide", status: .notFound, body: UI.emptyState("Ce lien de confirmation n'est plus valable : inscrivez-vous à nouveau.", action: "<a href=\"\(Site.subscriptionForm.path())\">S'inscrire</a>"))
        }
        try await NewsletterService.confirm(row, on: req.db)
        return try await Layout.page(req, title: "Inscription confirmée",
                                     body: "<section class=\"narrow\"><h1>Inscription confirmée</h1><p>Vous recevrez la prochaine lettre à \(row.email).</p></section>")
    }

    static func unsubscribeForm(_ req: Request) async throws -> Response {
        guard let row = try await NewsletterService.byToken(req.parameters.get("token"), on: req.db) else { throw Abort(.notFound) }
        let body: HTML = row.status == .unsubscribed
            ? "<section class=\"narrow\"><h1>Désabonnement</h1><p>\(row.email) ne reçoit plus la lettre.</p></section>"
            : """
              <section class="narrow"><h1>Se désabonner</h1><p>Ne plus envoyer la lettre à \(row.email) ?</p>
              <form method="post" action="\(Site.subscriptionUnsubscribe.path(row.token))"><button class="danger">Me désabonner</button></form></section>
              """
        return try await Layout.page(req, title: "Désabonnement", body: body)
    }

    /// One-click unsubscribe: the token in the URL is the authority (no session, no CSRF
    /// token: mail clients POST `List-Unsubscribe=One-Click` here).
    static func unsubscribe(_ req: Request) async throws -> Response {
        guard let row = try await NewsletterService.byToken(req.parameters.get("token"), on: req.db) else { throw Abort(.notFound) }
        try await NewsletterService.unsubscribe(row, on: req.db)
        return try await Layout.page(req, title: "Désabonnement",
                                     body: "<section class=\"narrow\"><h1>Désabonnement confirmé</h1><p>\(row.email) ne recevra plus la lettre.</p></section>")
    }
}
