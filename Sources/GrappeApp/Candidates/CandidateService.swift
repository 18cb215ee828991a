import Fluent
import GrappeDomain
import Vapor

/// The candidate pool's rules: a CV is kept for 24 months with the candidate's consent, can be
/// withdrawn at any time through the emailed link, and is deleted, file included, when its
/// retention ends.
enum CandidateService {
    static let consentWording = "J'accepte que ma candidature et mon CV soient partagés avec les entreprises adhérentes du cluster pendant 24 mois. Je peux la retirer à tout moment."

    struct Draft: Sendable {
        var firstName = "", lastName = "", email = "", wishedFields = "", message = ""
    }

    /// Stores the file then the row; if the row cannot be written the file is removed.
    static func create(_ d: Draft, cv: [UInt8], organisationID: UUID, app: Application, on db: any Database) async throws -> (Candidate, String) {
        let store = CVStore(app: app)
        let file = try store.save(cv)
        let token = Tokens.random(bytes: 32)
        let c = Candidate()
        c.$organisation.id = organisationID
        c.firstName = d.firstName; c.lastName = d.lastName; c.email = d.email
        c.wishedFields = d.wishedFields; c.message = d.message
        c.searchText = TextFolding.fold([d.firstName, d.lastName, d.wishedFields, d.message].joined(separator: " "))
        c.cvFile = file
        c.cvBytes = cv.count
        c.withdrawTokenHash = Tokens.sha256(token)
        c.expiresAt = Retention.expiry(from: app.now, calendar: FrenchDate.calendar)
        do {
            try await db.transaction { db in
                try await c.create(on: db)
                try await Consent.record(on: db, organisationID: organisationID, email: d.email, purpose: "candidate_pool", wording: consentWording)
                let org = try await app.currentOrganisation(on: db)
                let text = CandidateMails.confirmation(firstName: d.firstName, organisation: org.name, keptUntil: c.expiresAt,
                                                       withdrawLink: app.baseURL + Site.candidateWithdrawForm.path(token))
                try await Mailer.queue(text, to: d.email, organisationID: organisationID, on: db)
            }
        } catch {
            store.delete(file)
            throw error
        }
        return (c, token)
    }

    static func byToken(_ token: String, on db: any Database) async throws -> Candidate? {
        guard token.count >= 20, token.count <= 100 else { return nil }
        return try await Candidate.query(on: db).filter(\.$withdrawTokenHash == Tokens.sha256(token)).first()
    }

    /// Deletes the candidate, their read log and their file; the consent is marked withdrawn.
    static func remove(_ c: Candidate, app: Application, on db: any Database) async throws {
        try await db.transaction { db in
            try await CVRead.query(on: db).filter(\.$candidate.$id == c.requireID()).delete()
            try await c.delete(on: db)
            try await Consent.withdraw(on: db, organisationID: c.$organisation.id, email: c.email, purpose: "candidate_pool")
        }
        CVStore(app: app).delete(c.cvFile)
    }

    /// Deletes every candidate whose retention has ended; returns how many.
    @discardableResult
    static func purgeExpired(app: Application, now: Date) async throws -> Int {
        let expired = try await Candidate.query(on: app.db).filter(\.$expiresAt <= now).all()
        for c in expired { try await remove(c, app: app, on: app.db) }
        if !expired.isEmpty { app.logger.info("Vivier : \(French.count(expired.count, "candidature arrivée au terme de sa conservation supprimée", "candidatures arrivées au terme de leur conservation supprimées")).") }
        return expired.count
    }
}
