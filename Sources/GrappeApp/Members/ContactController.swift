import Fluent
import GrappeDomain
import Vapor

/// A company's contacts, and their logins.
enum ContactController {
    static func add(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let company = try await CompanyLookup.find(req)
        let companyID = try company.requireID()
        guard req.viewer.canEditProfile(of: companyID) else { throw Abort(.forbidden) }
        let orgID = try await req.organisationID()
        func field(_ key: String) -> String { req.content[String.self, at: key] ?? "" }
        var draft = PersonDraft(firstName: field("firstName"), lastName: field("lastName"), email: field("email"),
                                phone: field("phone"), gender: field("gender"), role: field("role"))
        let errors = draft.validate()
        let contact = draft
        let path = Site.memberShow.path(companyID)
        guard errors.isEmpty else {
            return req.redirect(to: path, flash: "Contact non ajouté : " + errors.sorted { $0.key < $1.key }.map(\.value).joined(separator: " "), .error)
        }
        try await req.db.transaction { db in
            let person = try await MemberService.attachContact(contact, companyID: companyID, organisationID: orgID, on: db)
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "company", entityID: companyID, action: "update",
                                   changes: ["contact": ("", "\(person.fullName) (\(contact.role))")])
        }
        return req.redirect(to: path, flash: "Contact \(draft.firstName) \(draft.lastName) ajouté.")
    }

    /// Removes a person from the company's contacts (not the membership holder). A member login
    /// left without any company is deactivated.
    static func remove(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let company = try await CompanyLookup.find(req)
        let companyID = try company.requireID()
        guard req.viewer.canEditProfile(of: companyID) else { throw Abort(.forbidden) }
        let personID = try req.uuidParameter("personID")
        let path = Site.memberShow.path(companyID)
        guard let link = try await CompanyContact.query(on: req.db).filter(\.$company.$id == companyID).filter(\.$person.$id == personID)
            .with(\.$person).first() else { throw Abort(.notFound) }
        if try await Membership.query(on: req.db).filter(\.$company.$id == companyID).filter(\.$holder.$id == personID).count() > 0 {
            return req.redirect(to: path, flash: "\(link.person.fullName) est titulaire d'une adhésion : désignez d'abord un autre titulaire.", .error)
        }
        if personID == user.$person.id {
            return req.redirect(to: path, flash: "Vous ne pouvez pas vous retirer vous-même.", .error)
        }
        let orgID = try await req.organisationID()
        try await req.db.transaction { db in
            try await link.delete(on: db)
            if try await CompanyContact.query(on: db).filter(\.$person.$id == personID).count() == 0 {
                try await User.query(on: db).filter(\.$person.$id == personID).filter(\.$role == .member).set(\.$active, to: false).update()
            }
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "company", entityID: companyID, action: "update",
                                   changes: ["contact": ("\(link.person.fullName) (\(link.role))", "")])
        }
        return req.redirect(to: path, flash: "\(link.person.fullName) ne fait plus partie des contacts.")
    }

    /// Staff create a member login for a contact; the contact receives an invitation link.
    static func grantAccess(_ req: Request) async throws -> Response {
        let staff = try req.require(.staff)
        let company = try await CompanyLookup.find(req)
        let companyID = try company.requireID()
        let personID = try req.uuidParameter("personID")
        let path = Site.memberShow.path(companyID)
        guard try await CompanyContact.query(on: req.db).filter(\.$company.$id == companyID).filter(\.$person.$id == personID).first() != nil,
              let person = try await Person.find(personID, on: req.db) else { throw Abort(.notFound) }
        guard FieldCheck.isEmail(person.email) else { return req.redirect(to: path, flash: "Ce contact n'a pas d'adresse e-mail valide.", .error) }
        if try await User.query(on: req.db).filter(\.$email == person.email).first() != nil {
            return req.redirect(to: path, flash: "Un compte existe déjà pour \(person.email).", .error)
        }
        let orgID = try await req.organisationID()
        let hash = try await req.password.async.hash(Tokens.random())
        try await req.db.transaction { db in
            let user = User(organisationID: orgID, email: person.email, passwordHash: hash, role: .member, displayName: person.fullName, personID: personID)
            try await user.create(on: db)
            try await AccessLinks.send(db, app: req.application, user: user, invitation: true)
            try await Audit.record(on: db, organisationID: orgID, user: staff, entity: "company", entityID: companyID, action: "update",
                                   changes: ["accès": ("", person.email)])
        }
        return req.redirect(to: path, flash: "Accès créé : une invitation a été envoyée à \(person.email).")
    }
}
