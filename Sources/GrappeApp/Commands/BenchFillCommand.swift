import Fluent
import Foundation
import SQLKit
import Vapor

/// `grappe bench-fill --scale N`: the demo (loaded first on an empty database), plus a cluster N
/// times OPEN's size beside it — 100 × N companies with holders, memberships and dues over two
/// years, commission meetings and attendance — so that `Benchmarks/http.sh --scale N` measures
/// the same pages on tables that large. For benchmarks only.
struct BenchFillCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "scale", help: "Multiple de la taille d'OPEN à ajouter à la démonstration (100 : 10 000 entreprises).")
        var scale: Int?
    }

    var help: String { "Ajoute à la démonstration une grappe N fois plus grande qu'OPEN (banc d'essai HTTP)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let scale = signature.scale ?? 100
        guard (1...1000).contains(scale) else { throw BenchReportCommand.Refusal(description: "--scale attend un entier de 1 à 1000.") }
        let app = context.application
        try await Bootstrap.migrate(app)
        if try await Company.query(on: app.db).count() == 0 { _ = try await DemoData.load(app) }
        guard try await Company.query(on: app.db).filter(\.$slug == "entreprise-0").count() == 0 else {
            throw BenchReportCommand.Refusal(description: "Cette base a déjà été remplie par bench-fill.")
        }
        let organisation = try await app.currentOrganisation(on: app.db)
        let started = Date()
        let counts = try await app.db.transaction { db in
            try await ReportBenchmarkData.fill(scale: scale, year: 2025, organisationID: organisation.requireID(), on: db) { context.console.print("  \($0)") }
        }
        if !app.config.database.isSQLite, let sql = app.db as? any SQLDatabase { try await sql.raw("ANALYZE").run() }
        context.console.print("Ajouté : \(counts.companies) entreprises, \(counts.dues) cotisations, \(counts.meetings) réunions, \(counts.attendances) présences en \(BenchReportCommand.seconds(Date().timeIntervalSince(started)))")
    }
}
