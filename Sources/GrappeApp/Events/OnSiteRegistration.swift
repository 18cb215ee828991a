import Fluent
import GrappeDomain
import Vapor

/// A participant who turns up without having registered: registered and checked in at once,
/// in one transaction, under the event's lock and its capacity (`RegistrationBook`), as a
/// registration on the event's page would be. No email is sent: the person is there.
enum OnSiteRegistration {
    struct Draft {
        var name = ""
        var email = ""
        var company = ""

        init(name: String, email: String, company: String) {
            self.name = name.trimmingCharacters(in: .whitespaces)
            self.email = email.trimmingCharacters(in: .whitespaces).lowercased()
            self.company = company.trimmingCharacters(in: .whitespaces)
        }

        var values: [String: String] { ["name": name, "email": email, "company": company] }

        /// French messages by field; empty when the draft may be saved.
        func validate() -> [String: String] {
            var errors: [String: String] = [:]
            if name.isEmpty { errors["name"] = "Le nom est obligatoire." } else if name.count > 120 { errors["name"] = "120 caractères au maximum." }
            if !email.isEmpty && !FieldCheck.isEmail(email) { errors["email"] = "Adresse e-mail invalide." }
            if company.count > 120 { errors["company"] = "120 caractères au maximum." }
            return errors
        }
    }

    @discardableResult
    static func add(_ draft: Draft, event: ClusterEvent, now: Date, on db: any Database) async throws -> Registration {
        guard event.status != .cancelled else { throw RegistrationService.Failure(description: "Cet événement est annulé.") }
        let eventID = try event.requireID()
        return try await db.transaction { db in
            try await TransactionLock.acquire("event:\(eventID)", on: db)
            var existing: Registration?
            if !draft.email.isEmpty {
                existing = try await Registration.query(on: db).filter(\.$event.$id == eventID).filter(\.$email == draft.email).first()
                if let existing, existing.status == .confirmed {
                    throw RegistrationService.Failure(description: "Cette adresse est déjà inscrite : cochez son arrivée dans la liste.")
                }
            }
            let confirmed = try await RegistrationService.confirmedCount(eventID, on: db)
            guard RegistrationBook.statusForNew(capacity: event.capacity, confirmed: confirmed) == .confirmed else {
                throw RegistrationService.Failure(description: "L'événement est complet (\(French.count(event.capacity, "place", "places"))) : impossible d'ajouter un participant.")
            }
            let registration = existing ?? Registration(eventID: eventID, personID: nil, name: draft.name, email: draft.email, status: .confirmed, token: Tokens.random(bytes: 24))
            registration.status = .confirmed
            registration.name = draft.name
            registration.company = draft.company.isEmpty ? nil : draft.company
            registration.checkedInAt = now
            registration.remindedAt = registration.remindedAt ?? now  // there already: no reminder
            try await registration.save(on: db)
            return registration
        }
    }
}
