import Fluent
import GrappeDomain
import Vapor

/// Sending an issue through the outbox, one message per address with its own one-click
/// unsubscribe link (RFC 8058 headers and a link in the text); public sign-up with double
/// opt-in; unsubscribing.
enum NewsletterService {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static let consentWording = "J'accepte de recevoir la lettre d'information du cluster. Je peux me désabonner à tout moment grâce au lien présent dans chaque lettre."

    /// The subscriber row of an address, created (as a member contact's row) if missing.
    static func row(for email: String, organisationID: UUID, on db: any Database) async throws -> Subscriber {
        if let existing = try await Subscriber.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$email == email).first() {
            return existing
        }
        let row = Subscriber(organisationID: organisationID, email: email, status: .confirmed, publicList: false)
        try await row.create(on: db)
        return row
    }

    static func unsubscribeURL(_ row: Subscriber, baseURL: String) -> String { baseURL + Site.subscriptionUnsubscribeForm.path(row.token) }

    static func message(_ n: Newsletter, row: Subscriber, organisation: OrganisationProfile, baseURL: String, test: Bool = false) -> (text: MailText, headers: [(String, String)]) {
        let link = unsubscribeURL(row, baseURL: baseURL)
        let text = NewsletterMails.issue(subject: n.subject, text: Markdown.plainText(n.body), organisation: organisation.name, baseURL: baseURL,
                                         publicList: row.publicList, unsubscribe: link, test: test)
        return (text, [("List-Unsubscribe", "<\(link)>"), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                       ("List-Id", "\(organisation.name) <lettre.\(organisation.slug).grappe>"), ("Precedence", "bulk")])
    }

    /// Queues the issue for every recipient and marks it sent, in one transaction.
    static func send(_ n: Newsletter, by user: User, app: Application, on db: any Database) async throws -> Int {
        guard n.status == .draft else { throw Failure(description: "Cette lettre a déjà été envoyée.") }
        let org = try await app.currentOrganisation(on: db)
        return try await db.transaction { db in
            guard try await Claim.status(db, table: Newsletter.schema, id: n.requireID(), from: Newsletter.Status.draft.rawValue, to: Newsletter.Status.sent.rawValue) else {
                throw Failure(description: "Cette lettre a déjà été envoyée.")
            }
            let recipients = try await NewsletterAudience.recipients(db, newsletter: n, now: app.now)
            guard !recipients.isEmpty else { throw Failure(description: "Aucun destinataire : choisissez au moins un public qui compte des adresses.") }
            for email in recipients {
                let row = try await row(for: email, organisationID: n.$organisation.id, on: db)
                let m = message(n, row: row, organisation: org, baseURL: app.baseURL)
                try await Mailer.queue(m.text, to: email, organisationID: n.$organisation.id, on: db, headers: m.headers, newsletterID: n.id)
            }
            n.status = .sent
            n.sentAt = Date()
            n.recipientCount = recipients.count
            try await n.save(on: db)
            try await Audit.record(on: db, organisationID: n.$organisation.id, user: user, entity: "newsletter", entityID: n.requireID(), action: "send",
                                   changes: ["destinataires": ("", String(recipients.count))])
            return recipients.count
        }
    }

    /// A copy to the staff member themselves, marked as a test.
    static func sendTest(_ n: Newsletter, to user: User, app: Application, on db: any Database) async throws {
        let org = try await app.currentOrganisation(on: db)
        let row = try await row(for: user.email, organisationID: n.$organisation.id, on: db)
        let m = message(n, row: row, organisation: org, baseURL: app.baseURL, test: true)
        try await Mailer.queue(m.text, to: user.email, organisationID: n.$organisation.id, on: db, headers: m.headers)
    }

    /// Public sign-up: a pending row and a confirmation link. An address already confirmed
    /// gets no new email, and the page says the same thing either way.
    static func signUp(email: String, organisationID: UUID, app: Application, on db: any Database) async throws {
        let org = try await app.currentOrganisation(on: db)
        try await db.transaction { db in
            try await TransactionLock.acquire("subscriber:\(organisationID):\(email)", on: db)
            let existing = try await Subscriber.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$email == email).first()
            // Already receiving it: nothing to do (and nothing to tell a stranger).
            if let existing, existing.status == .confirmed { return }
            // One confirmation email per address per ten minutes, whoever asks.
            let recent = Date().addingTimeInterval(-600)
            if try await OutboxMessage.query(on: db).filter(\.$recipient == email).filter(\.$kind == "newsletter_confirm")
                .filter(\.$createdAt >= recent).first() != nil { return }
            // The token is kept: links already sent (unsubscribe) go on working.
            let row = existing ?? Subscriber(organisationID: organisationID, email: email, status: .pending, publicList: true)
            row.status = .pending
            row.publicList = true
            try await row.save(on: db)
            try await Mailer.queue(NewsletterMails.confirmation(organisation: org.name, link: app.baseURL + Site.subscriptionConfirm.path(row.token)),
                                   to: email, organisationID: organisationID, on: db)
        }
    }

    static func byToken(_ token: String?, on db: any Database) async throws -> Subscriber? {
        guard let token, token.count >= 20, token.count <= 100 else { return nil }
        return try await Subscriber.query(on: db).filter(\.$token == token).first()
    }

    static func confirm(_ row: Subscriber, on db: any Database) async throws {
        guard row.status == .pending else { return }
        try await db.transaction { db in
            row.status = .confirmed
            row.confirmedAt = Date()
            row.unsubscribedAt = nil
            try await row.save(on: db)
            try await Consent.record(on: db, organisationID: row.$organisation.id, email: row.email, purpose: "newsletter", wording: consentWording)
        }
    }

    static func unsubscribe(_ row: Subscriber, on db: any Database) async throws {
        guard row.status != .unsubscribed else { return }
        try await db.transaction { db in
            row.status = .unsubscribed
            row.unsubscribedAt = Date()
            try await row.save(on: db)
            try await Consent.withdraw(on: db, organisationID: row.$organisation.id, email: row.email, purpose: "newsletter")
        }
    }

    /// Outbox progress of a sent issue: sent, waiting, failed.
    static func progress(_ n: Newsletter, on db: any Database) async throws -> (sent: Int, pending: Int, failed: Int) {
        let id = try n.requireID()
        func count(_ status: OutboxMessage.Status) async throws -> Int {
            try await OutboxMessage.query(on: db).filter(\.$newsletterID == id).filter(\.$status == status).count()
        }
        return (try await count(.sent), try await count(.pending), try await count(.failed))
    }
}
