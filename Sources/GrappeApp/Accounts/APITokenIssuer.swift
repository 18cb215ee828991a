import Fluent
import Foundation

/// Issues API tokens: only their SHA-256 is stored.
enum APITokenIssuer {
    /// Creates a token and returns its clear text (the only time it exists).
    static func issue(for user: User, name: String, on db: any Database) async throws -> String {
        let token = "grp_" + Tokens.random(bytes: 32)
        try await APIToken(userID: user.requireID(), name: name, tokenHash: Tokens.sha256(token), prefix: String(token.prefix(10))).create(on: db)
        return token
    }
}
