import Fluent
import GrappeDomain
import Vapor

/// A person's data: everything Grappe holds about an account, as JSON, and its erasure. Erasure
/// anonymises the person (the company records and the cluster's figures stay true: a meeting
/// still had N people present) and deletes what only concerned them.
enum PrivacyService {
    static func export(user: User, on db: any Database) async throws -> [String: Any] {
        let email = user.email
        var out: [String: Any] = [
            "genere_le": ISO8601DateFormatter().string(from: Date()),
            "compte": ["email": user.email, "nom": user.displayName, "role": user.role.label,
                       "cree_le": user.createdAt.map { ISO8601DateFormatter().string(from: $0) } ?? "",
                       "derniere_connexion": user.lastLoginAt.map { ISO8601DateFormatter().string(from: $0) } ?? ""],
        ]
        if let person = try await user.$person.get(on: db) {
            let personID = try person.requireID()
            out["personne"] = ["prenom": person.firstName, "nom": person.lastName, "email": person.email, "telephone": person.phone,
                               "genre": person.gender?.label ?? ""]
            let links = try await CompanyContact.query(on: db).filter(\.$person.$id == personID).with(\.$company).all()
            out["entreprises"] = links.map { ["entreprise": $0.company.name, "fonction": $0.role] }
            let held = try await Membership.query(on: db).filter(\.$holder.$id == personID).with(\.$company).all()
            out["adhesions_titulaire"] = held.map { ["entreprise": $0.company.name, "annee": String($0.year)] }
            let groups = try await GroupMember.query(on: db).filter(\.$person.$id == personID).with(\.$group).all()
            out["groupes"] = groups.map { ["groupe": $0.group.name, "role": $0.role, "actif": $0.active ? "oui" : "non"] }
            let volunteer = try await VolunteerEntry.query(on: db).filter(\.$person.$id == personID).all()
            out["benevolat"] = volunteer.map { ["activite": $0.activity, "date": FrenchDate.iso($0.date), "minutes": String($0.minutes)] }
            let present = try await Attendance.query(on: db).filter(\.$person.$id == personID).with(\.$meeting).all()
            out["presences"] = present.map { ["reunion": $0.meeting.title, "date": FrenchDate.iso($0.meeting.startsAt)] }
        }
        let registrations = try await Registration.query(on: db).filter(\.$email == email).with(\.$event).all()
        out["inscriptions"] = registrations.map { ["evenement": $0.event.title, "date": FrenchDate.iso($0.event.startsAt), "statut": $0.status.label] }
        let consents = try await Consent.query(on: db).filter(\.$email == email).sort(\.$givenAt).all()
        out["consentements"] = consents.map { c -> [String: String] in
            ["objet": c.purposeLabel, "texte": c.wording, "donne_le": ISO8601DateFormatter().string(from: c.givenAt),
             "retire_le": c.withdrawnAt.map { ISO8601DateFormatter().string(from: $0) } ?? ""]
        }
        if let row = try await Subscriber.query(on: db).filter(\.$email == email).first() { out["lettre"] = row.status.label }
        let candidates = try await Candidate.query(on: db).filter(\.$email == email).all()
        out["candidatures"] = candidates.map { ["recherche": $0.wishedFields, "deposee_le": FrenchDate.iso($0.createdAt ?? Date()), "conservee_jusqu_au": FrenchDate.iso($0.expiresAt)] }
        let offers = try await JobOffer.query(on: db).filter(\.$postedBy.$id == user.requireID()).all()
        out["offres_publiees"] = offers.map { ["titre": $0.title, "jusqu_au": FrenchDate.iso($0.expiresAt)] }
        let applications = try await MembershipApplication.query(on: db).filter(\.$email == email).all()
        out["demandes_adhesion"] = applications.map { ["entreprise": $0.companyName, "statut": $0.status.label, "le": FrenchDate.iso($0.createdAt ?? Date()), "telephone": $0.phone] }
        let corrections = try await DirectoryRequest.query(on: db).filter(\.$requesterEmail == email).all()
        out["demandes_annuaire"] = corrections.map { ["type": $0.kind.label, "message": $0.message, "statut": $0.status.label] }
        let pledges = try await CollectPledge.query(on: db).filter(\.$contactEmail == email).all()
        out["demandes_diagnostic"] = try await DiagnosticContactPrivacy.export(email: email, on: db)
        out["dons_collecte"] = pledges.map { ["donateur": $0.donorName, "contact": $0.contactName, "le": FrenchDate.iso($0.createdAt ?? Date())] }
        let mails = try await OutboxMessage.query(on: db).filter(\.$recipient == email).sort(\.$createdAt).all()
        out["courriels_recus"] = mails.map { ["objet": $0.subject, "le": ISO8601DateFormatter().string(from: $0.createdAt ?? Date()), "etat": $0.status.label] }
        let requests = try await DataRequest.query(on: db).filter(\.$email == email).all()
        out["demandes"] = requests.map { ["type": $0.kind, "statut": $0.status.label, "le": FrenchDate.iso($0.createdAt ?? Date())] }
        return out
    }

    /// Anonymises the account and its person, deletes registrations' names, subscriptions,
    /// consents and candidate files, blanks the contact of diagnostic requests. One transaction; the audit log says who did it.
    static func erase(request: DataRequest, by staff: User, app: Application, on db: any Database) async throws {
        let email = request.email
        let marker = "efface-\(UUID().uuidString.prefix(8).lowercased())@invalid"
        let candidates = try await Candidate.query(on: db).filter(\.$email == email).all()
        try await db.transaction { db in
            guard try await Claim.status(db, table: DataRequest.schema, id: request.requireID(), from: "pending", to: "done") else {
                throw Abort(.conflict, reason: "Cette demande a déjà été traitée.")
            }
            if let userID = request.$user.id, let user = try await User.find(userID, on: db) {
                if let person = try await user.$person.get(on: db) {
                    person.firstName = "Personne"; person.lastName = "effacée"; person.email = ""; person.phone = ""; person.gender = nil
                    try await person.save(on: db)
                }
                user.email = marker
                user.displayName = "Compte effacé"
                user.active = false
                user.passwordHash = "!"
                user.calendarToken = nil
                try await user.save(on: db)
            }
            for registration in try await Registration.query(on: db).filter(\.$email == email).all() {
                registration.name = "Personne effacée"
                registration.email = "efface-\(try registration.requireID().uuidString.prefix(12).lowercased())@invalid"
                try await registration.save(on: db)
            }
            // Every other person row and every form that kept the address.
            for person in try await Person.query(on: db).filter(\.$email == email).all() {
                person.firstName = "Personne"; person.lastName = "effacée"; person.email = ""; person.phone = ""; person.gender = nil
                try await person.save(on: db)
            }
            for a in try await MembershipApplication.query(on: db).filter(\.$email == email).all() {
                a.firstName = "Personne"; a.lastName = "effacée"; a.email = marker; a.phone = ""; a.gender = nil
                try await a.save(on: db)
            }
            try await DirectoryRequest.query(on: db).filter(\.$requesterEmail == email)
                .set(\.$requesterName, to: "Personne effacée").set(\.$requesterEmail, to: marker).update()
            try await CollectPledge.query(on: db).filter(\.$contactEmail == email)
                .set(\.$contactName, to: "Personne effacée").set(\.$contactEmail, to: marker).update()
            try await DiagnosticContactPrivacy.erase(email: email, now: app.now, on: db)
            try await OutboxMessage.query(on: db).filter(\.$recipient == email).delete()
            try await Subscriber.query(on: db).filter(\.$email == email).delete()
            try await Consent.query(on: db).filter(\.$email == email).delete()
            for c in candidates {
                try await CVRead.query(on: db).filter(\.$candidate.$id == c.requireID()).delete()
                try await c.delete(on: db)
            }
            request.status = .done
            request.$decidedBy.id = staff.id
            request.decidedAt = Date()
            request.email = marker
            try await request.save(on: db)
            try await Audit.record(on: db, organisationID: request.$organisation.id, user: staff, entity: "data_request", entityID: request.requireID(),
                                   action: "erase", reason: "Effacement des données personnelles sur demande")
        }
        let store = CVStore(app: app)
        for c in candidates { store.delete(c.cvFile) }
    }
}
