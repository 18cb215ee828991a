import Foundation
import NIOCore

/// How the outbox hands its messages over, for one round of delivery: `send` for each message
/// in turn, then `finish` once. A sender may keep a connection between messages.
protocol MailSender: Sendable {
    func send(_ message: MailMessage) async throws
    func finish() async
}

/// A delivery failure, in French, kept on the message for staff to read.
struct MailFailure: Error, CustomStringConvertible {
    let description: String
}

extension AppConfig.MailTransport {
    /// The sender of one round, or nil when mail stays in the outbox.
    func sender(group: any EventLoopGroup) -> (any MailSender)? {
        switch self {
        case .store: nil
        case .smtp(let settings): SMTPBatchSender(settings: settings, group: group)
        case .sendmail(let path, let timeout): SendmailSender(path: path, timeout: timeout)
        }
    }
}
