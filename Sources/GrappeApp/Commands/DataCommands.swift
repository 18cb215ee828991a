import Fluent
import GrappeDomain
import Vapor

struct SeedDemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Charge les données de démonstration d'OPEN NC (base sans adhérents uniquement)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Bootstrap.migrate(app)
        if try await DemoData.load(app) {
            context.console.print("Données de démonstration chargées.")
            Bootstrap.printLogins(app, console: context.console)
        } else {
            context.console.print("La base contient déjà des adhérents : rien n'a été chargé.")
        }
    }
}

struct ImportMembersCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Fichier CSV")
        var file: String
        @Flag(name: "dry-run", help: "Vérifier sans rien enregistrer")
        var dryRun: Bool
        @Option(name: "year", help: "Année d'adhésion (par défaut : la dernière année connue)")
        var year: Int?
    }

    var help: String { "Importe des adhérents depuis un CSV (mêmes colonnes que l'export)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Bootstrap.migrate(app)
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw AccountSetup.Failure(description: "Fichier introuvable : \(signature.file)")
        }
        guard let (text, encoding) = TextDecoding.decode(Array(data)) else {
            throw AccountSetup.Failure(description: "Le fichier n'est pas un texte CSV (ni UTF-8 ni Windows-1252) : enregistrez-le en « CSV UTF-8 ».")
        }
        if encoding == .windows1252 { context.console.print(TextDecoding.convertedNote) }
        let year = try await MemberQueries.year(signature.year, db: app.db, now: app.now)
        let org = try await app.currentOrganisation(on: app.db)
        let plan = try await MemberImporter.run(text, year: year, dryRun: signature.dryRun, organisationID: try org.requireID(), user: nil, on: app.db)
        if let error = plan.parsed.fileError { throw AccountSetup.Failure(description: error) }
        for rejection in plan.parsed.rejections {
            context.console.print("Ligne \(rejection.lineNumber) rejetée (\(rejection.name)) : \(rejection.reasons.joined(separator: " ; "))")
        }
        let verb = signature.dryRun ? "à créer" : French.word(plan.toCreate.count, "créé", "créés")
        context.console.print("\(signature.dryRun ? "Simulation (rien n'est enregistré) — " : "")\(plan.toCreate.count) \(verb), \(plan.toUpdate.count) mis à jour, \(French.count(plan.unchanged.count, "inchangé", "inchangés")), \(French.count(plan.parsed.rejections.count, "rejeté", "rejetés")).")
    }
}

struct ExportMembersCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "year", help: "Année (par défaut : la dernière année connue)")
        var year: Int?
        @Option(name: "output", short: "o", help: "Fichier de sortie (par défaut : sortie standard)")
        var output: String?
    }

    var help: String { "Exporte la liste des adhérents en CSV (UTF-8 avec BOM, « ; »)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Bootstrap.migrate(app)
        let org = try await app.currentOrganisation(on: app.db)
        let year = try await MemberQueries.year(signature.year, db: app.db, now: app.now)
        let text = try await MemberExport.csv(app.db, filter: MemberFilter(year: year), organisationID: try org.requireID())
        try Commands.output(text, to: signature.output, context: context)
    }
}

struct ExportDuesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "year", help: "Année des cotisations")
        var year: Int
        @Option(name: "output", short: "o", help: "Fichier de sortie (par défaut : sortie standard)")
        var output: String?
    }

    var help: String { "Exporte les cotisations d'une année en CSV." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Bootstrap.migrate(app)
        let org = try await app.currentOrganisation(on: app.db)
        let text = try await DuesExport.csv(app.db, organisationID: try org.requireID(), year: signature.year)
        try Commands.output(text, to: signature.output, context: context)
    }
}
