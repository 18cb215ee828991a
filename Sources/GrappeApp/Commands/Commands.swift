import Vapor

enum Commands {
    static func register(on app: Application) {
        app.asyncCommands.use(MigrateCommand(), as: "migrate")
        app.asyncCommands.use(CreateAdminCommand(), as: "create-admin")
        app.asyncCommands.use(SeedDemoCommand(), as: "seed-demo")
        app.asyncCommands.use(ImportMembersCommand(), as: "import-members")
        app.asyncCommands.use(ExportMembersCommand(), as: "export-members")
        app.asyncCommands.use(ExportDuesCommand(), as: "export-dues")
        app.asyncCommands.use(PurgeCandidatesCommand(), as: "purge-candidates")
        app.asyncCommands.use(ReportCommand(), as: "report")
        app.asyncCommands.use(BenchReportCommand(), as: "bench-report")
        app.asyncCommands.use(BenchFillCommand(), as: "bench-fill")
        app.asyncCommands.use(CTFBenchFillCommand(), as: "ctf-bench-fill")
        app.asyncCommands.use(CreateTokenCommand(), as: "create-token")
    }

    /// Writes text to a file, or to standard output when no path is given.
    static func output(_ text: String, to path: String?, context: CommandContext) throws {
        if let path {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            context.console.print("Écrit : \(path)")
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Crée ou met à jour le schéma de la base de données." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await Bootstrap.migrate(context.application)
        context.console.print("Base de données à jour.")
    }
}
