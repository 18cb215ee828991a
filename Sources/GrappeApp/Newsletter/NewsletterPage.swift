import Fluent
import Foundation
import GrappeDomain

/// What an issue's page shows, read by `load` and drawn by `NewsletterView.page`: the issue,
/// its audience in words, and either the number of recipients (a draft) or the delivery so far.
struct NewsletterPage: Sendable {
    enum Delivery: Sendable {
        /// Not sent yet: how many addresses the audience holds today.
        case draft(recipients: Int)
        /// Sent: the outbox messages sent, waiting and failed.
        case sent(sent: Int, pending: Int, failed: Int)
    }

    let newsletter: Newsletter
    let audience: String
    let delivery: Delivery

    static func load(_ db: any Database, newsletter n: Newsletter, groups: [Group], now: Date) async throws -> NewsletterPage {
        let delivery: Delivery
        if n.status == .draft {
            delivery = .draft(recipients: try await NewsletterAudience.recipients(db, newsletter: n, now: now).count)
        } else {
            let p = try await NewsletterService.progress(n, on: db)
            delivery = .sent(sent: p.sent, pending: p.pending, failed: p.failed)
        }
        return NewsletterPage(newsletter: n, audience: NewsletterAudience.describe(n, groups: groups), delivery: delivery)
    }

    /// Messages still waiting in the outbox: the page refreshes itself.
    var isSending: Bool {
        if case .sent(_, let pending, _) = delivery { return pending > 0 }
        return false
    }
}
