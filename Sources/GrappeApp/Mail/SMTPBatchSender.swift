import Foundation
import NIOCore

/// Sends one round of the outbox over a single SMTP session, at the relay's pace: one message
/// every 60 / `SMTPSettings.messagesPerMinute` seconds (`SMTP_RATE`). A refused message is
/// followed by RSET and the session goes on; a lost connection is opened again for the next
/// message. Per round, per instance: the messages themselves are claimed in the database.
actor SMTPBatchSender: MailSender {
    let settings: SMTPSettings
    let group: any EventLoopGroup
    private var session: SMTPClient.Session?
    private var lastSent: ContinuousClock.Instant?

    init(settings: SMTPSettings, group: any EventLoopGroup) {
        self.settings = settings
        self.group = group
    }

    func send(_ message: MailMessage) async throws {
        if let lastSent {
            let gap = Duration.seconds(60) / max(1, settings.messagesPerMinute)
            try await Task.sleep(until: lastSent + gap, clock: .continuous)
        }
        let current: SMTPClient.Session
        if let session, session.isActive { current = session } else {
            current = try await SMTPClient.Session.open(settings: settings, group: group)
            session = current
        }
        // The pace spaces the messages themselves, not the time spent opening the session.
        lastSent = .now
        do { try await current.deliver(message) } catch {
            if current.isActive, (try? await current.reset()) != nil { throw error }
            session = nil
            await current.quit()
            throw error
        }
    }

    func finish() async {
        await session?.quit()
        session = nil
    }
}
