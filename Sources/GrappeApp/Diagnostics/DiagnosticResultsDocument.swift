import Foundation
import GrappeDomain

/// The results as a document to print to PDF with the report's engine (`PDFEngine`): the same
/// parts as the page, an A4 layout of their own, the radar described in words instead of its
/// folded table, and the page number at the foot.
enum DiagnosticResultsDocument {
    static let css = """
    @page { size: A4; margin: 16mm 15mm 18mm;
      @bottom-center { content: counter(page) " / " counter(pages); font: 9pt "DejaVu Sans", sans-serif; color: #5b6477; } }
    body { margin: 0 auto; max-width: 210mm; font: 10.5pt/1.45 "DejaVu Sans", system-ui, sans-serif; color: #1d2433; }
    h1 { font-size: 18pt; color: #0b6e99; margin: 0 0 4mm; }
    h2 { font-size: 13pt; color: #0b6e99; border-bottom: 1.5px solid #0b6e99; padding-bottom: 1mm; margin: 6mm 0 2mm; break-after: avoid; }
    h3 { font-size: 11pt; margin: 0 0 1mm; }
    dl.facts { margin: 1mm 0; overflow: hidden; }
    dl.facts dt { font-weight: 600; float: left; clear: left; width: 52mm; }
    dl.facts dd { margin: 0 0 .6mm 54mm; }
    .results-score strong { font-size: 22pt; color: #0b6e99; }
    .badge { border: 1px solid #5b6477; border-radius: 3mm; padding: 0 2mm; font-size: 9pt; margin-left: 2mm; }
    table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
    th, td { text-align: left; padding: 1.2mm 2mm; border-bottom: 1px solid #d9dee8; vertical-align: top; }
    .num { text-align: right; white-space: nowrap; }
    figure.chart { margin: 2mm 0; break-inside: avoid; text-align: center; }
    figure.chart svg { width: 140mm; height: auto; }
    figcaption { font-size: 9pt; font-weight: 600; }
    .plan-item { break-inside: avoid; margin-bottom: 3mm; }
    .empty { color: #5b6477; }
    a { color: inherit; text-decoration: none; }
    """

    static func html(_ page: DiagnosticResultsPage) -> String {
        let document: HTML = """
        <!doctype html>
        <html lang="fr"><head><meta charset="utf-8">
        <title>Diagnostic de maturité numérique — \(page.request.companyName)</title>
        <style>\(HTML(raw: css))</style></head>
        <body>
        <h1>Diagnostic de maturité numérique — \(page.request.companyName)</h1>
        \(DiagnosticResultsView.body(page, printable: true))
        <p><small>Diagnostic réalisé par \(page.organisation), document édité pour le dossier de demande d'aide.</small></p>
        </body></html>
        """
        return document.raw
    }

    static let missingEngine = "Le PDF ne peut pas être produit pour l'instant : aucun moteur PDF n'est installé sur le serveur. Imprimez cette page depuis votre navigateur (« Imprimer », puis « Enregistrer au format PDF »)."
}
