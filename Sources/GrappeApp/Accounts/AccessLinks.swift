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
        let subject = invitation ? "Votre accès à l'espace \(org.name)" : "Nouveau mot de passe pour \(org.name)"
        let intro = invitation
            ? "Un accès à l'espace adhérent de \(org.name) a été créé pour vous. Choisissez votre mot de passe (lien valable 7 jours) :"
            : "Vous avez demandé à changer votre mot de passe. Choisissez-en un nouveau (lien valable une heure) :"
        try await Mailer.queue(on: db, organisationID: try org.requireID(), to: user.email, subject: subject,
                               body: "Bonjour \(user.displayName),\n\n\(intro)\n\n\(link)\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message.\n\n\(org.name)",
                               kind: invitation ? "invitation" : "password_reset")
        return link
    }
}
