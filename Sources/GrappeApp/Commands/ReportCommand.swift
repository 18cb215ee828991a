import Fluent
import Vapor

/// `grappe report 2025 [--html FILE] [--pdf FILE]`: the year's annual report from the records.
/// Without an option the HTML goes to standard output. On an empty database the demo is loaded
/// first, as `serve` does.
struct ReportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "year", help: "Année du rapport, par exemple 2025.")
        var year: Int
        @Option(name: "html", help: "Fichier HTML à écrire.")
        var html: String?
        @Option(name: "pdf", help: "Fichier PDF à écrire (WeasyPrint ou Chromium requis).")
        var pdf: String?
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    var help: String { "Produit le rapport annuel d'une année, en HTML et en PDF, à partir des données." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard (2000...2100).contains(signature.year) else { throw Failure(description: "Année invalide : \(signature.year) (attendu : 2000 à 2100).") }
        let app = context.application
        try await Bootstrap.migrate(app)
        if app.config.demo { _ = try await DemoData.load(app) }
        let started = Date()
        let document = try await ReportService.document(app.db, organisation: try await app.currentOrganisation(on: app.db), year: signature.year, now: app.now)
        let computed = Date().timeIntervalSince(started)
        if signature.html == nil && signature.pdf == nil {
            FileHandle.standardOutput.write(Data(document.html.utf8))
            return
        }
        if let path = signature.html {
            try document.html.write(toFile: path, atomically: true, encoding: .utf8)
            context.console.print("Rapport \(signature.year) (HTML, \(document.parts.count) parties, calculé en \(Int(computed * 1000)) ms) : \(path)")
        }
        guard let path = signature.pdf else { return }
        guard let engine = PDFEngine.find() else { throw Failure(description: PDFEngine.missingMessage) }
        let pdf = try await engine.render(html: document.html)
        try pdf.write(to: URL(fileURLWithPath: path))
        context.console.print("Rapport \(signature.year) (PDF par \(engine.kind.rawValue), \(pdf.count / 1024) Ko, \(Int(Date().timeIntervalSince(started))) s) : \(path)")
    }
}
