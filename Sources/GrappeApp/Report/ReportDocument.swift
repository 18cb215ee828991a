import Foundation
import GrappeDomain

/// The annual report as one self-contained HTML document: cover, table of contents, every
/// section's parts on their own pages, styles inside (so that a frozen copy and the PDF engine
/// need nothing else).
struct ReportDocument: Sendable {
    let year: Int
    let parts: [ReportPart]
    let html: String

    static func build(_ ctx: ReportContext, sections: [any ReportSection] = ReportSections.all, generatedAt: Date = Date()) async throws -> ReportDocument {
        var parts: [ReportPart] = []
        for section in sections { parts += try await section.parts(ctx) }
        return ReportDocument(year: ctx.year, parts: parts, html: render(ctx, parts: parts, generatedAt: generatedAt))
    }

    static func render(_ ctx: ReportContext, parts: [ReportPart], generatedAt: Date) -> String {
        let o = ctx.organisation
        let toc = parts.map { "<li><a href=\"#\($0.id)\">\($0.title)</a></li>" as HTML }
        let pages = parts.map { "<section class=\"part\" id=\"\($0.id)\"><h2>\($0.title)</h2>\($0.body)</section>" as HTML }
        let html: HTML = """
        <!doctype html>
        <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Rapport annuel \(ctx.year) — \(o.name)</title>
        <style>\(HTML(raw: ReportStyle.css))</style></head>
        <body class="report">
        <section class="cover">
        <p class="org">\(o.name)</p>
        <h1>Rapport annuel \(ctx.year)</h1>
        <p class="full-name">\(o.fullName)</p>
        <p class="generated">Établi à partir des données de Grappe le \(FrenchDate.long(generatedAt)).</p>
        </section>
        <nav class="toc" aria-label="Sommaire"><h2>Sommaire</h2><ol>\(toc)</ol></nav>
        \(pages)
        </body></html>
        """
        return html.raw
    }
}
