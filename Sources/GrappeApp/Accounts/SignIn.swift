import Fluent
import Foundation
import Vapor

/// Opening a session: the login form, and a Hackagou registration that signs the new player in.
enum SignIn {
    /// Starts a fresh session for `user` (a new session id, so a planted id is useless).
    static func start(_ req: Request, user: User) async throws {
        if let old = req.session.id {
            try await SessionRecord.query(on: req.db).filter(\.$key == old).delete()
        }
        // The forms already open in this browser keep working: its token carries over.
        let csrf = req.session.data["csrf"] ?? CSRF.visitorToken(req)
        req.session.id = nil
        req.session.data = SessionData()
        req.session.data["uid"] = try user.requireID().uuidString
        req.session.data["at"] = String(Date().timeIntervalSince1970)
        req.session.data["sv"] = String(user.sessionVersion)
        req.session.data["csrf"] = csrf ?? Tokens.random(bytes: 24)
        user.lastLoginAt = Date()
        try await user.save(on: req.db)
    }
}
