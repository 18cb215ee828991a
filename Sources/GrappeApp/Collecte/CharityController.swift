import Fluent
import GrappeDomain
import Vapor

/// Staff keep the list of charities (`CharityView`) and give their people a login.
enum CharityController {
    static func index(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        let orgID = try await req.organisationID()
        let charities = try await Charity.query(on: req.db).filter(\.$organisation.$id == orgID).all().sortedInFrench(by: \.name)
        let logins = try await User.query(on: req.db).filter(\.$role == .charity).all()
        let body = CharityView.index(charities, logins: logins, staff: req.viewer.isStaff, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Associations", body: body)
    }

    static func create(_ req: Request) async throws -> Response {
        let staff = try req.require(.staff)
        let orgID = try await req.organisationID()
        let name = FieldCheck.trimmed(req.content[String.self, at: "name"])
        let commune = Communes.canonical(req.content[String.self, at: "commune"] ?? "")
        let email = FieldCheck.trimmed(req.content[String.self, at: "email"]).lowercased()
        guard !name.isEmpty, name.count <= 150, let commune, FieldCheck.isEmail(email) else {
            return req.redirect(to: Site.charityIndex.path(), flash: "Nom, commune et e-mail valides sont obligatoires.", .error)
        }
        if try await User.query(on: req.db).filter(\.$email == email).first() != nil {
            return req.redirect(to: Site.charityIndex.path(), flash: "Un compte existe déjà pour \(email).", .error)
        }
        let hash = try await req.password.async.hash(Tokens.random())
        try await req.db.transaction { db in
            let charity = Charity(organisationID: orgID, name: name, commune: commune, email: email)
            try await charity.create(on: db)
            let user = User(organisationID: orgID, email: email, passwordHash: hash, role: .charity, displayName: name)
            user.$charity.id = charity.id
            try await user.create(on: db)
            try await AccessLinks.send(db, app: req.application, user: user, invitation: true)
            try await Audit.record(on: db, organisationID: orgID, user: staff, entity: "charity", entityID: charity.requireID(), action: "create", changes: ["nom": ("", name)])
        }
        return req.redirect(to: Site.charityIndex.path(), flash: "« \(name) » ajoutée : une invitation a été envoyée à \(email).")
    }
}
