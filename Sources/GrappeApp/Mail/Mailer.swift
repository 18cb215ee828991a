import Fluent
import Foundation

/// Queues emails in the outbox; the delivery worker sends them.
enum Mailer {
    @discardableResult
    static func queue(on db: any Database, organisationID: UUID, to recipient: String, subject: String, body: String, kind: String,
                      headers: [(String, String)] = [], newsletterID: UUID? = nil, calendar: String? = nil) async throws -> OutboxMessage {
        let message = OutboxMessage(organisationID: organisationID, recipient: recipient, subject: subject, body: body, kind: kind)
        if !headers.isEmpty { message.headers = headers.map { "\($0.0): \($0.1)" }.joined(separator: "\n") }
        message.newsletterID = newsletterID
        message.calendar = calendar
        try await message.create(on: db)
        return message
    }

    /// Queues one of the texts of `Mail/Texts`.
    @discardableResult
    static func queue(_ text: MailText, to recipient: String, organisationID: UUID, on db: any Database,
                      headers: [(String, String)] = [], newsletterID: UUID? = nil, calendar: String? = nil) async throws -> OutboxMessage {
        try await queue(on: db, organisationID: organisationID, to: recipient, subject: text.subject, body: text.body, kind: text.kind,
                        headers: headers, newsletterID: newsletterID, calendar: calendar)
    }
}
