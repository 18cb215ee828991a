import Fluent
import Foundation
import SQLKit
import Vapor

/// Sends what waits in the outbox, one round at a time (`PeriodicJob`): over one SMTP session
/// at the relay's pace, or through the sendmail binary. Failures are retried with a growing
/// delay (1, 2, 4… minutes, at most 6 hours apart) and marked failed after `maxAttempts`, where
/// staff see them.
enum MailDelivery {
    static let maxAttempts = 6
    /// How long a claimed message is kept from the other instances while it is being sent.
    static let lease: TimeInterval = 10 * 60

    static func backoff(afterAttempt attempt: Int) -> TimeInterval {
        min(6 * 3600, 60 * pow(2, Double(max(0, attempt - 1))))
    }

    /// Two minutes of sending at the relay's pace, so that a round ends and the next one
    /// sees the messages queued meanwhile.
    static func roundSize(_ transport: AppConfig.MailTransport) -> Int {
        if case .smtp(let settings) = transport { return max(20, 2 * settings.messagesPerMinute) }
        return 200
    }

    /// Delivers up to `limit` due messages; returns how many were sent.
    @discardableResult
    static func deliverBatch(app: Application, limit: Int? = nil, now: Date = Date()) async throws -> Int {
        let transport = app.config.mail
        guard let sender = transport.sender(group: app.eventLoopGroup) else { return 0 }
        let db = app.db
        let batch = try await OutboxMessage.query(on: db).filter(\.$status == .pending).filter(\.$nextAttemptAt <= now)
            .sort(\.$createdAt).limit(limit ?? roundSize(transport)).all()
        var sent = 0
        for message in batch {
            guard try await claim(message, now: now, on: db) else { continue }
            let mail = MailMessage(from: app.config.mailFrom, to: message.recipient, subject: message.subject, body: message.body,
                                   extraHeaders: message.extraHeaders, calendar: message.calendar)
            message.attempts += 1
            do {
                try await sender.send(mail)
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
        await sender.finish()
        return sent
    }

    /// Takes the message for this round, atomically (`UPDATE … RETURNING`): of several
    /// instances reading the same due messages, one sends each. The lease lets another
    /// instance retry it if this one stops before recording the outcome.
    static func claim(_ message: OutboxMessage, now: Date, on db: any Database) async throws -> Bool {
        let row = try await db.sql.raw("""
            UPDATE \(ident: OutboxMessage.schema) SET next_attempt_at = \(bind: now.addingTimeInterval(lease))
            WHERE id = \(bind: try message.requireID()) AND status = \(bind: OutboxMessage.Status.pending.rawValue)
              AND next_attempt_at <= \(bind: now) RETURNING id
            """).first()
        return row != nil
    }
}
