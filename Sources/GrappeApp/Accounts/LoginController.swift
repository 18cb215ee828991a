import Fluent
import Vapor

/// Login, logout. `LoginView` draws the form.
enum LoginController {
    /// A bcrypt hash of a random password, checked when the email is unknown so that timing does
    /// not tell which addresses have an account.
    static let decoyHash: String = (try? Bcrypt.hash(Tokens.random(), cost: 12)) ?? ""

    static func form(_ req: Request) async throws -> Response {
        if req.viewer.user != nil { return req.redirect(to: "/") }
        var state = FormState()
        state.values["retour"] = req.query[String.self, at: "retour"] ?? ""
        return try await page(req, state)
    }

    static func page(_ req: Request, _ state: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let body = LoginView.login(state, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Connexion", status: status, body: body)
    }

    static func login(_ req: Request) async throws -> Response {
        let email = (req.content[String.self, at: "email"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = req.content[String.self, at: "password"] ?? ""
        var state = FormState(values: ["email": email, "retour": req.content[String.self, at: "retour"] ?? ""])
        // Failures only are counted, per address and per account (from any address) separately:
        // an office's or an assembly's shared address is never locked out by its good logins, and
        // a success clears its account's failures.
        let addressKey = "login:" + req.clientAddress, accountKey = "account:" + email
        let accounts = req.application.accountLoginLimiter
        guard !req.application.loginLimiter.isOver(addressKey, now: req.now), email.isEmpty || !accounts.isOver(accountKey, now: req.now) else {
            state.errors["login"] = "Trop de tentatives de connexion : patientez dix minutes avant de réessayer."
            return try await page(req, state, status: .tooManyRequests)
        }
        guard !email.isEmpty, !password.isEmpty, email.count <= 254, password.count <= 200 else {
            state.errors["login"] = "Saisissez votre adresse e-mail et votre mot de passe."
            return try await page(req, state, status: .badRequest)
        }
        let user = try await User.query(on: req.db).filter(\.$email == email).first()
        let valid = (try? await req.password.async.verify(password, created: user?.passwordHash ?? decoyHash)) ?? false
        guard let user, valid, user.active else {
            req.application.loginLimiter.fail(addressKey, now: req.now)
            accounts.fail(accountKey, now: req.now)
            state.errors["login"] = "Adresse e-mail ou mot de passe incorrect."
            return try await page(req, state, status: .unauthorized)
        }
        accounts.clear(accountKey)
        try await SignIn.start(req, user: user)
        let target = state["retour"]
        // A local path only: no scheme, no host, no backslash, no control or blank character
        // (browsers drop tabs and newlines, which would turn "/\t/evil" into "//evil").
        let safe = target.hasPrefix("/") && !target.hasPrefix("//") && !target.contains("\\")
            && !target.unicodeScalars.contains { CharacterSet.controlCharacters.contains($0) || CharacterSet.whitespacesAndNewlines.contains($0) }
        return req.redirect(to: safe ? target : "/", flash: "Bienvenue, \(user.displayName).")
    }

    static func logout(_ req: Request) async throws -> Response {
        req.session.destroy()
        return req.redirect(to: Site.loginForm.path())
    }
}
