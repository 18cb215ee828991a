import Fluent
import GrappeDomain
import Vapor

/// Clubs are closed: a person asks to join, a lead (or staff) accepts or declines, and both
/// sides are told by email.
enum ClubRequestController {
    static func ask(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let group = try await GroupAccess.find(req)
        let path = Site.groupShow.path(group.slug)
        guard group.kind == .club else { return req.redirect(to: path, flash: "Seuls les clubs se rejoignent sur demande.", .error) }
        guard let personID = user.$person.id, let person = try await Person.find(personID, on: req.db) else {
            return req.redirect(to: path, flash: "Votre compte n'est lié à aucune personne : contactez l'équipe.", .error)
        }
        let groupID = try group.requireID()
        if let existing = try await GroupAccess.membership(req, group: group), existing.status != .declined {
            return req.redirect(to: path, flash: existing.status == .member ? "Vous êtes déjà membre." : "Votre demande est en attente.", .info)
        }
        let message = (req.content[String.self, at: "message"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard message.count <= 1000 else { return req.redirect(to: path, flash: "Message : 1 000 caractères au maximum.", .error) }
        let leads = try await GroupMember.query(on: req.db).filter(\.$group.$id == groupID).filter(\.$lead == true).filter(\.$status == .member)
            .with(\.$person).all().map(\.person)
        let orgID = try await req.organisationID()
        let org = try await req.organisation()
        let link = "\(req.application.baseURL)\(path)"
        try await req.db.transaction { db in
            try await GroupMember.query(on: db).filter(\.$group.$id == groupID).filter(\.$person.$id == personID).delete()
            try await GroupMember(groupID: groupID, personID: personID, active: true, status: .pending).create(on: db)
            let recipients = leads.map(\.email).filter(FieldCheck.isEmail)
            for address in (recipients.isEmpty ? [org.email] : recipients) {
                try await Mailer.queue(GroupMails.clubRequest(person: person.fullName, group: group.name, message: message, link: link, organisation: org.name),
                                       to: address, organisationID: orgID, on: db)
            }
        }
        return req.redirect(to: path, flash: "Demande envoyée aux responsables du club.")
    }

    static func decide(_ req: Request, accept: Bool) async throws -> Response {
        let group = try await GroupAccess.find(req)
        let user = try await GroupAccess.requireManage(req, group: group)
        let personID = try req.uuidParameter("personID")
        guard let request = try await GroupMember.query(on: req.db).filter(\.$group.$id == group.requireID()).filter(\.$person.$id == personID)
            .filter(\.$status == .pending).with(\.$person).first() else { throw Abort(.notFound) }
        let orgID = try await req.organisationID()
        let org = try await req.organisation()
        request.status = accept ? .member : .declined
        try await req.db.transaction { db in
            try await request.save(on: db)
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "group", entityID: try group.requireID(), action: "update",
                                   changes: ["demande de \(request.person.fullName)": ("en attente", accept ? "acceptée" : "refusée")])
            if FieldCheck.isEmail(request.person.email) {
                let text = GroupMails.clubDecision(accepted: accept, person: request.person.fullName, group: group.name,
                                                   link: req.application.baseURL + Site.groupShow.path(group), organisation: org.name)
                try await Mailer.queue(text, to: request.person.email, organisationID: orgID, on: db)
            }
        }
        return req.redirect(to: Site.groupShow.path(group.slug), flash: accept ? "\(request.person.fullName) a rejoint le club." : "Demande de \(request.person.fullName) refusée.")
    }

    static func accept(_ req: Request) async throws -> Response { try await decide(req, accept: true) }
    static func decline(_ req: Request) async throws -> Response { try await decide(req, accept: false) }
}
