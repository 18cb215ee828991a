import Fluent
import Vapor

/// `grappe create-token EMAIL [--name NAME]`: a new API token for an existing account, printed
/// once (ctfcli's `access_token`, a script's `Authorization: Token …`).
struct CreateTokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "email", help: "Adresse e-mail du compte") var email: String
        @Option(name: "name", help: "Usage du jeton") var name: String?
    }

    var help: String { "Crée un jeton d'API pour un compte existant et l'affiche (une seule fois)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Bootstrap.migrate(app)
        guard let user = try await User.query(on: app.db).filter(\.$email == signature.email.lowercased()).first(), user.active else {
            throw BenchReportCommand.Refusal(description: "Aucun compte actif pour \(signature.email).")
        }
        let token = try await APITokenIssuer.issue(for: user, name: String((signature.name ?? "ligne de commande").prefix(80)), on: app.db)
        context.console.print(token)
    }
}
