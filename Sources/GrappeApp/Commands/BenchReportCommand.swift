import Fluent
import Foundation
import SQLKit
import Vapor

/// `grappe bench-report [--scale 100] [--year 2025] [--runs 3] [--pdf]`: fills an empty database
/// with a cluster `scale` times OPEN's size, then times the report's computation and rendering
/// (per section too) and, with `--pdf`, the PDF. A benchmark, not a test: it prints figures.
struct BenchReportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "scale", help: "Multiple de la taille d'OPEN (100 par défaut : 10 000 adhérents, un million de présences).")
        var scale: Int?
        @Option(name: "year", help: "Année du rapport (2025 par défaut).")
        var year: Int?
        @Option(name: "runs", help: "Nombre de mesures (3 par défaut).")
        var runs: Int?
        @Flag(name: "pdf", help: "Mesure aussi l'impression en PDF.")
        var pdf: Bool
    }

    struct Refusal: Error, CustomStringConvertible { let description: String }

    var help: String { "Mesure le temps de calcul du rapport annuel sur une base 100 fois plus grande qu'OPEN (base vide requise)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let scale = signature.scale ?? 100, year = signature.year ?? 2025, runs = max(1, signature.runs ?? 3)
        guard (1...1000).contains(scale) else { throw Refusal(description: "--scale attend un entier de 1 à 1000.") }
        let app = context.application, console = context.console
        try await Bootstrap.migrate(app)
        guard try await Company.query(on: app.db).count() == 0 else {
            throw Refusal(description: "La base contient déjà des entreprises : le banc d'essai remplit une base vide (GRAPPE_SQLITE_PATH vers un nouveau fichier).")
        }
        let organisation = try await app.currentOrganisation(on: app.db)
        let filling = Date()
        let counts = try await app.db.transaction { db in
            try await ReportBenchmarkData.fill(scale: scale, year: year, organisationID: organisation.requireID(), on: db) { console.print("  \($0)") }
        }
        if case .postgres = app.config.database, let sql = app.db as? any SQLDatabase {
            // Autovacuum would gather the statistics shortly after such a load; without them the
            // first report is planned blind.
            try await sql.raw("ANALYZE").run()
        }
        console.print("Remplissage : \(counts.companies) adhérents, \(counts.dues) cotisations, \(counts.meetings) réunions, \(counts.attendances) présences en \(Self.seconds(Date().timeIntervalSince(filling)))")

        var totals: [Double] = []
        var perSection: [String: Double] = [:]
        var size = 0
        for _ in 0..<runs {
            let start = Date()
            let ctx = ReportContext(db: app.db, organisation: organisation, year: year, now: app.now)  // a fresh memo each time
            var parts: [ReportPart] = []
            for section in ReportSections.all {
                let t = Date()
                parts += try await section.parts(ctx)
                perSection[String(describing: type(of: section)), default: 0] += Date().timeIntervalSince(t)
            }
            size = ReportDocument.render(ctx, parts: parts, generatedAt: Date()).utf8.count
            totals.append(Date().timeIntervalSince(start))
        }
        totals.sort()
        console.print("Rapport \(year) calculé et rendu \(runs) fois : médiane \(Self.seconds(totals[totals.count / 2])), min \(Self.seconds(totals[0])), max \(Self.seconds(totals[totals.count - 1])) ; HTML \(size / 1024) Ko")
        for (name, time) in perSection.sorted(by: { $0.value > $1.value }).prefix(6) {
            console.print("  \(name) : \(Self.seconds(time / Double(runs))) par rapport")
        }
        if signature.pdf {
            guard let engine = PDFEngine.find() else { throw Refusal(description: PDFEngine.missingMessage) }
            let html = try await ReportDocument.build(ReportContext(db: app.db, organisation: organisation, year: year, now: app.now)).html
            let start = Date()
            let pdf = try await engine.render(html: html, timeout: 1800)
            console.print("PDF par \(engine.kind.rawValue) : \(Self.seconds(Date().timeIntervalSince(start))), \(pdf.count / 1024) Ko")
        }
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM") }) {
            console.print("Mémoire maximale du processus : \(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces))")
        }
    }

    static func seconds(_ t: TimeInterval) -> String { t < 1 ? "\(Int(t * 1000)) ms" : String(format: "%.2f s", t) }
}
