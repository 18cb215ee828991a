import Fluent
import GrappeDomain
import Vapor

/// Staff manage the logins: create staff and board accounts (an invitation link is emailed),
/// deactivate and reactivate any account, send a new link. Member contacts get their login from
/// their company's page. `AccountsPage` read, `AccountsView` drawn.
enum AccountsController {
    static func index(_ req: Request) async throws -> Response {
        try req.require(.staff)
        return try await page(req, form: FormState(values: ["role": Role.board.rawValue]))
    }

    static func page(_ req: Request, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let page = try await AccountsPage.load(req.db, organisationID: try await req.organisationID())
        let body = AccountsView.page(page, form: form, me: req.viewer.user?.id, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Comptes", status: status, body: body)
    }

    static func create(_ req: Request) async throws -> Response {
        let staff = try req.require(.staff)
        let orgID = try await req.organisationID()
        let name = (req.content[String.self, at: "displayName"] ?? "").trimmingCharacters(in: .whitespaces)
        let email = (req.content[String.self, at: "email"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let roleText = req.content[String.self, at: "role"] ?? ""
        var form = FormState(values: ["displayName": name, "email": email, "role": roleText])
        if name.isEmpty { form.errors["displayName"] = "Le nom est obligatoire." } else if name.count > 80 { form.errors["displayName"] = "80 caractères au maximum." }
        if !FieldCheck.isEmail(email) { form.errors["email"] = "Adresse e-mail invalide." }
        else if try await User.query(on: req.db).filter(\.$email == email).first() != nil { form.errors["email"] = "Un compte existe déjà pour cette adresse." }
        guard let role = Role(rawValue: roleText), role != .member else {
            form.errors["role"] = "Rôle inconnu : les contacts adhérents reçoivent leur accès depuis la fiche de leur entreprise."
            return try await page(req, form: form, status: .badRequest)
        }
        guard form.errors.isEmpty else { return try await page(req, form: form, status: .badRequest) }
        let hash = try await req.password.async.hash(Tokens.random())
        try await req.db.transaction { db in
            let user = User(organisationID: orgID, email: email, passwordHash: hash, role: role, displayName: name)
            try await user.create(on: db)
            try await AccessLinks.send(db, app: req.application, user: user, invitation: true)
            try await Audit.record(on: db, organisationID: orgID, user: staff, entity: "user", entityID: try user.requireID(), action: "create",
                                   changes: ["compte": ("", "\(email) (\(role.label))")])
        }
        return req.redirect(to: Site.accountsIndex.path(), flash: "Compte créé : une invitation a été envoyée à \(email).")
    }

    static func find(_ req: Request) async throws -> User {
        let id = try req.uuidParameter("userID")
        guard let user = try await User.find(id, on: req.db), user.$organisation.id == (try await req.organisationID()) else { throw Abort(.notFound) }
        return user
    }

    static func setActive(_ req: Request, _ active: Bool) async throws -> Response {
        let staff = try req.require(.staff)
        let user = try await find(req)
        guard user.id != staff.id else { return req.redirect(to: Site.accountsIndex.path(), flash: "Vous ne pouvez pas désactiver votre propre compte.", .error) }
        guard user.active != active else { return req.redirect(to: Site.accountsIndex.path()) }
        user.active = active
        try await req.db.transaction { db in
            try await user.save(on: db)
            try await Audit.record(on: db, organisationID: user.$organisation.id, user: staff, entity: "user", entityID: try user.requireID(),
                                   action: "update", changes: ["actif": (active ? "non" : "oui", active ? "oui" : "non")])
        }
        return req.redirect(to: Site.accountsIndex.path(), flash: active ? "Compte \(user.email) réactivé." : "Compte \(user.email) désactivé : il ne peut plus se connecter.")
    }

    static func deactivate(_ req: Request) async throws -> Response { try await setActive(req, false) }
    static func reactivate(_ req: Request) async throws -> Response { try await setActive(req, true) }

    static func sendLink(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let user = try await find(req)
        guard user.active else { return req.redirect(to: Site.accountsIndex.path(), flash: "Réactivez d'abord ce compte.", .error) }
        try await AccessLinks.send(req.db, app: req.application, user: user, invitation: user.lastLoginAt == nil)
        return req.redirect(to: Site.accountsIndex.path(), flash: "Lien envoyé à \(user.email).")
    }
}
