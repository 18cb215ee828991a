import Fluent
import Vapor

/// Sends what waits in the outbox. Failures are retried with a growing delay (1, 2, 4… minutes,
/// at most 6 hours apart) and marked failed after `maxAttempts`, where staff see them.
enum MailDelivery {
    static let maxAttempts = 6

    static func backoff(afterAttempt attempt: Int) -> TimeInterval {
        min(6 * 3600, 60 * pow(2, Double(max(0, attempt - 1))))
    }

    /// Delivers up to `limit` due messages; returns how many were sent.
    @discardableResult
    static func deliverBatch(app: Application, limit: Int = 20, now: Date = Date()) async throws -> Int {
        guard case .smtp(let settings) = app.config.mail else { return 0 }
        let db = app.db
        let batch = try await OutboxMessage.query(on: db).filter(\.$status == .pending).filter(\.$nextAttemptAt <= now)
            .sort(\.$createdAt).limit(limit).all()
        var sent = 0
        for message in batch {
            let mail = MailMessage(from: app.config.mailFrom, to: message.recipient, subject: message.subject, body: message.body,
                                   extraHeaders: message.extraHeaders)
            message.attempts += 1
            do {
                try await SMTPClient.send(mail, settings: settings, group: app.eventLoopGroup)
                message.status = .sent
                message.sentAt = Date()
                message.lastError = ""
                sent += 1
            } catch {
                message.lastError = String(String(describing: error).prefix(500))
                if message.attempts >= maxAttempts {
                    message.status = .failed
                } else {
                    message.nextAttemptAt = now.addingTimeInterval(backoff(afterAttempt: message.attempts))
                }
                app.logger.warning("Envoi du courriel \(message.id?.uuidString ?? "") impossible : \(message.lastError)")
            }
            try await message.save(on: db)
        }
        return sent
    }
}
