import Fluent
import Foundation

/// Queues emails in the outbox; the delivery worker sends them.
enum Mailer {
    @discardableResult
    static func queue(on db: any Database, organisationID: UUID, to recipient: String, subject: String, body: String, kind: String) async throws -> OutboxMessage {
        let message = OutboxMessage(organisationID: organisationID, recipient: recipient, subject: subject, body: body, kind: kind)
        try await message.create(on: db)
        return message
    }
}
