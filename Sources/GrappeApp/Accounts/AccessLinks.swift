import Fluent
import Foundation
import Vapor

/// The one-use links that let someone choose a password: an invitation (valid 7 days) for a new
/// account, a reset (valid an hour) for a forgotten one.
enum AccessLinks {
    /// Creates a reset token and queues the email. Returns the link (for the CLI and tests).
    @discardableResult
    static func send(_ db: any Database, app: Application, user: User, invitation: Bool) async throws -> String {
        let token = Tokens.random(bytes: 32)
        let lifetime: TimeInterval = invitation ? 7 * 86400 : 3600
        try await PasswordReset(userID: try user.requireID(), tokenHash: Tokens.sha256(token), expiresAt: Date().addingTimeInterval(lifetime)).create(on: db)
        let org = try await app.currentOrganisation(on: db)
        let link = app.baseURL + Site.passwordResetResetForm.path(token)
        try await Mailer.queue(AccountMails.accessLink(to: user.displayName, organisation: org.name, link: link, invitation: invitation),
                               to: user.email, organisationID: org.id, on: db)
        return link
    }
}
