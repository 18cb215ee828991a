import Fluent
import GrappeDomain
import Vapor

/// `grappe create-admin EMAIL [--name NAME] [--stdin]`: a staff account. Prints a one-time
/// password, or reads the password from standard input with --stdin.
struct CreateAdminCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "email", help: "Adresse e-mail du compte")
        var email: String
        @Option(name: "name", help: "Nom affiché")
        var name: String?
        @Flag(name: "stdin", help: "Lire le mot de passe sur l'entrée standard")
        var stdin: Bool
    }

    var help: String { "Crée un compte de l'équipe permanente (tous les droits)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Bootstrap.migrate(app)
        var password: String
        if signature.stdin {
            password = (readLine(strippingNewline: true) ?? "")
            guard password.count >= PasswordRule.minimumLength else {
                throw Abort(.badRequest, reason: "Mot de passe trop court (\(PasswordRule.minimumLength) caractères au moins).")
            }
        } else {
            password = Tokens.random(bytes: 12)
        }
        let user = try await AccountSetup.createStaff(app, email: signature.email, name: signature.name, password: password)
        context.console.print("Compte créé pour \(user.email) (équipe permanente).")
        if !signature.stdin {
            context.console.print("Mot de passe à usage unique : \(password)")
            context.console.print("Changez-le après la première connexion (« Mot de passe oublié »).")
        }
    }
}

enum AccountSetup {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func createStaff(_ app: Application, email raw: String, name: String?, password: String) async throws -> User {
        let email = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard FieldCheck.isEmail(email) else { throw Failure(description: "Adresse e-mail invalide : \(raw)") }
        guard try await User.query(on: app.db).filter(\.$email == email).first() == nil else {
            throw Failure(description: "Un compte existe déjà pour \(email).")
        }
        let org = try await app.currentOrganisation(on: app.db)
        let hash = try await app.password.async.hash(password)
        let user = User(organisationID: try org.requireID(), email: email, passwordHash: hash, role: .staff,
                        displayName: name ?? String(email.split(separator: "@").first ?? "Équipe"))
        try await user.create(on: app.db)
        return user
    }
}
