import Crypto
import Foundation

/// The report's stylesheet: A4 pages, a cover, the table of contents with page numbers and a
/// page number at the foot of each page (WeasyPrint and Chromium both read `@page` margin boxes),
/// a new page for each part. Kept inside the document, allowed by its hash in the CSP.
enum ReportStyle {
    static let css = """
    @page { size: A4; margin: 18mm 16mm 20mm;
      @bottom-center { content: counter(page) " / " counter(pages); font: 9pt system-ui, sans-serif; color: #5b6477; } }
    @page :first { @bottom-center { content: none; } }
    * { box-sizing: border-box; }
    body.report { margin: 0 auto; max-width: 210mm; font: 11pt/1.45 "DejaVu Sans", system-ui, sans-serif; color: #1d2433; background: #fff; }
    .cover { padding-top: 55mm; text-align: center; }
    .cover .org { font-size: 16pt; letter-spacing: .2em; text-transform: uppercase; color: #0b6e99; margin: 0 0 8mm; }
    .cover h1 { font-size: 34pt; margin: 0; padding: 14mm 6mm; background: #0b6e99; color: #fff; }
    .cover .full-name { font-size: 13pt; text-transform: uppercase; margin: 10mm 8mm; }
    .cover .generated { color: #5b6477; font-size: 9pt; margin-top: 70mm; }
    .toc, .part { break-before: page; padding: 0 4mm; }
    .toc ol { list-style: none; padding: 0; }
    .toc li { margin: .35em 0; border-bottom: 1px dotted #c5ccd8; }
    .toc a { color: inherit; text-decoration: none; display: block; }
    .toc a::after { content: target-counter(attr(href), page); float: right; }
    .toc-page { float: right; }
    h2 { font-size: 20pt; color: #0b6e99; border-bottom: 2px solid #0b6e99; padding-bottom: .2em; margin-top: 0; }
    h3 { font-size: 13pt; margin: 1.2em 0 .4em; break-after: avoid; }
    .lead { font-weight: 600; }
    .missing { color: #a15c00; font-style: italic; border-left: 3px solid #a15c00; padding-left: .6em; }
    .keys { display: flex; flex-wrap: wrap; gap: 4mm; margin: 1em 0; }
    .key { flex: 1 1 45mm; border: 1px solid #d9dee8; border-radius: 3mm; padding: 3mm; break-inside: avoid; }
    .key strong { display: block; font-size: 20pt; color: #0b6e99; line-height: 1.1; }
    .key .label { display: block; font-weight: 600; }
    .key .change { display: block; font-size: 8.5pt; color: #5b6477; }
    .key .change.hausse { color: #1e7b4f; } .key .change.baisse { color: #b3261e; }
    .source, figcaption .chart-summary { font-size: 8.5pt; color: #5b6477; display: block; }
    table { border-collapse: collapse; width: 100%; margin: .6em 0; break-inside: auto; }
    th, td { text-align: left; padding: 1.5mm 2mm; border-bottom: 1px solid #d9dee8; vertical-align: top; }
    caption { text-align: left; font-weight: 600; padding: 1mm 0; }
    .num { text-align: right; white-space: nowrap; }
    table.fees th { font-weight: 400; }
    .split { display: flex; gap: 6mm; } .split > div { flex: 1; }
    ul.columns, ul.members { columns: 2; column-gap: 8mm; }
    ul.members { columns: 3; font-size: 9.5pt; padding-left: 1.2em; }
    figure.chart { margin: 1em 0; break-inside: avoid; }
    figure.chart svg { width: 100%; max-width: 170mm; height: auto; }
    figcaption { font-size: 9pt; font-weight: 600; }
    .chart-label, .chart-value { fill: #1d2433; }
    .bar-expected { fill: #9fc3d9; } .bar-received { fill: #0b6e99; }
    address { font-style: normal; font-size: 13pt; }
    @media screen { body.report { padding: 0 8mm 20mm; } .part, .toc { border-top: 1px solid #d9dee8; margin-top: 12mm; padding-top: 6mm; } .cover { padding-top: 10mm; } .cover .generated { margin-top: 10mm; } }
    """

    /// The Content-Security-Policy for a report document: its own `<style>` element allowed by
    /// hash (a frozen copy keeps the stylesheet it was frozen with), nothing else inline.
    static func contentSecurityPolicy(for html: String) -> String {
        var hash = ""
        if let open = html.range(of: "<style>"), let close = html.range(of: "</style>", range: open.upperBound..<html.endIndex) {
            let style = String(html[open.upperBound..<close.lowerBound])
            hash = " 'sha256-" + Data(SHA256.hash(data: Data(style.utf8))).base64EncodedString() + "'"
        }
        return "default-src 'none'; img-src 'self' data:; style-src\(hash); frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    }
}
