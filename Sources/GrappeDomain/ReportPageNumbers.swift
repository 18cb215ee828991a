import Foundation

/// Page numbers in the report's contents for an engine without `target-counter()` (Chromium):
/// the report is printed once with a marker at the top of each part (positioned out of the flow,
/// so that no page moves), the PDF's text tells the page of each marker, and the contents of the
/// second print carry those numbers as text.
public enum ReportPageNumbers {
    static let partOpening = #"<section class="part" id=""#
    static let markerPrefix = "GRAPPEPARTPAGE"

    /// The ids of the report's parts, in order.
    public static func partIDs(_ html: String) -> [String] {
        html.components(separatedBy: partOpening).dropFirst().compactMap { rest in
            rest.split(separator: "\"", maxSplits: 1).first.map(String.init)
        }
    }

    static func marker(_ id: String) -> String { markerPrefix + id.replacingOccurrences(of: "-", with: "") + "X" }

    /// The document with a marker at the top of each part (white 1 pt text, out of the flow).
    public static func marked(_ html: String) -> String {
        var out = html
        for id in partIDs(html) {
            let opening = partOpening + id + "\">"
            out = out.replacingOccurrences(of: opening, with: opening + "<span style=\"position:absolute;font-size:1pt;color:#fff\">\(marker(id))</span>")
        }
        return out
    }

    /// The page (from 1) of each part whose marker is in the PDF's text (`pdftotext`: pages are
    /// separated by form feeds).
    public static func pages(pdfText: String, ids: [String]) -> [String: Int] {
        let pages = pdfText.components(separatedBy: "\u{0C}")
        var found: [String: Int] = [:]
        for id in ids {
            if let index = pages.firstIndex(where: { $0.contains(marker(id)) }) { found[id] = index + 1 }
        }
        return found
    }

    /// The document with each contents entry followed by its page number.
    public static func numbered(_ html: String, pages: [String: Int]) -> String {
        var out = html
        for (id, page) in pages {
            let link = "<li><a href=\"#\(id)\">"
            guard let start = out.range(of: link), let end = out.range(of: "</a></li>", range: start.upperBound..<out.endIndex) else { continue }
            out.replaceSubrange(end, with: "<span class=\"toc-page\">\(page)</span></a></li>")
        }
        return out
    }
}
