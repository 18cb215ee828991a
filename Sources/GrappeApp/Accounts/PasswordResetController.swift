import Fluent
import GrappeDomain
import Vapor

/// "Mot de passe oublié": a one-hour link by email, also used to invite new accounts (7 days).
/// `LoginView` draws the pages.
enum PasswordResetController {
    /// How long the « mot de passe oublié » form takes to answer, whatever the address.
    static let answerTime: Duration = .milliseconds(250)

    static func requestForm(_ req: Request) async throws -> Response {
        try await requestPage(req, FormState())
    }

    static func requestPage(_ req: Request, _ state: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let body = LoginView.resetRequest(state, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Mot de passe oublié", status: status, body: body)
    }

    static func request(_ req: Request) async throws -> Response {
        let email = (req.content[String.self, at: "email"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        var state = FormState(values: ["email": email])
        guard req.application.loginLimiter.allow("reset:" + req.clientAddress) else {
            state.errors["email"] = "Trop de demandes : patientez dix minutes."
            return try await requestPage(req, state, status: .tooManyRequests)
        }
        guard FieldCheck.isEmail(email) else {
            state.errors["email"] = "Adresse e-mail invalide."
            return try await requestPage(req, state, status: .badRequest)
        }
        let started = ContinuousClock.now
        if let user = try await User.query(on: req.db).filter(\.$email == email).filter(\.$active == true).first() {
            try await AccessLinks.send(req.db, app: req.application, user: user, invitation: false)
        }
        // A known address costs a token and an email more than an unknown one: both answer at
        // the same moment, so that timing does not tell which addresses have an account.
        try await Task.sleep(until: started + answerTime, clock: .continuous)
        return req.redirect(to: Site.loginForm.path(), flash: "Si cette adresse correspond à un compte, un lien vient d'y être envoyé.", .info)
    }

    static func validReset(_ req: Request) async throws -> PasswordReset? {
        guard let token = req.parameters.get("token"), token.count <= 100 else { return nil }
        guard let reset = try await PasswordReset.query(on: req.db).filter(\.$tokenHash == Tokens.sha256(token)).first(),
              reset.usedAt == nil, reset.expiresAt > Date() else { return nil }
        return reset
    }

    static func resetForm(_ req: Request) async throws -> Response {
        guard try await validReset(req) != nil else { return try await expired(req) }
        return try await resetPage(req, FormState())
    }

    static func expired(_ req: Request) async throws -> Response {
        try await Layout.page(req, title: "Lien expiré", status: .notFound, body: LoginView.expired)
    }

    static func resetPage(_ req: Request, _ state: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let body = LoginView.reset(token: token, errors: state.errors, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Choisir un mot de passe", status: status, body: body)
    }

    static func reset(_ req: Request) async throws -> Response {
        guard let reset = try await validReset(req) else { return try await expired(req) }
        let password = req.content[String.self, at: "password"] ?? ""
        let confirmation = req.content[String.self, at: "confirmation"] ?? ""
        var state = FormState()
        if password.count < PasswordRule.minimumLength { state.errors["password"] = "Le mot de passe doit compter \(PasswordRule.minimumLength) caractères au moins." }
        else if password.count > 200 { state.errors["password"] = "200 caractères au maximum." }
        else if password != confirmation { state.errors["confirmation"] = "Les deux saisies ne correspondent pas." }
        guard state.errors.isEmpty else { return try await resetPage(req, state, status: .badRequest) }
        let hash = try await req.password.async.hash(password)
        try await req.db.transaction { db in
            guard let user = try await User.find(reset.$user.id, on: db) else { throw Abort(.notFound) }
            user.passwordHash = hash
            // Every session opened before, wherever it is, ends now (`ViewerMiddleware`).
            user.sessionVersion += 1
            try await user.save(on: db)
            try await PasswordReset.query(on: db).filter(\.$user.$id == reset.$user.id).filter(\.$usedAt == nil)
                .set(\.$usedAt, to: Date()).update()
        }
        return req.redirect(to: Site.loginForm.path(), flash: "Mot de passe enregistré : vous pouvez vous connecter.")
    }
}
