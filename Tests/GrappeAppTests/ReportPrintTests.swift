import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// The report as each engine prints it: the contents carry page numbers with Chromium too
    /// (printed twice, the numbers read from the first print), and a chart's caption is printed
    /// once.
    @Suite struct ReportPrintTests {
        static let chromium = PDFEngine.tool("chromium") ?? PDFEngine.tool("chromium-browser")
        static let pdftotext = PDFEngine.tool("pdftotext")

        static func text(_ pdf: Data) async throws -> [String] {
            let dir = NSTemporaryDirectory() + "grappe-print-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            try pdf.write(to: URL(fileURLWithPath: dir + "/r.pdf"))
            let (status, _) = try await PDFEngine.run(pdftotext!, ["-enc", "UTF-8", dir + "/r.pdf", dir + "/r.txt"],
                                                       log: URL(fileURLWithPath: dir + "/e.txt"), timeout: 60)
            #expect(status == 0)
            return try String(contentsOfFile: dir + "/r.txt", encoding: .utf8).components(separatedBy: "\u{0C}")
        }

        @Test(.enabled(if: chromium != nil && pdftotext != nil, "needs Chromium and pdftotext (apt-get install chromium poppler-utils)"))
        func chromiumNumbersTheContents() async throws {
            try await withGrappe(demo: true) { app in
                let document = try await ReportService.document(app.db, organisation: try await app.currentOrganisation(on: app.db), year: 2025, now: app.now)
                let pdf = try await PDFEngine(kind: .chromium, path: Self.chromium!).render(html: document.html)
                let pages = try await Self.text(pdf)
                let contents = try #require(pages.first { $0.contains("Sommaire") })
                #expect(!pages.joined().contains("GRAPPEPARTPAGE"), "no marker left in the printed report")
                // Each entry of the contents is followed by the page its part starts on.
                // (pdftotext writes the floated number on the line after the title.)
                let lines = contents.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                for part in document.parts.prefix(4) {
                    let at = try #require(lines.firstIndex(of: part.title), "\(part.title)")
                    let number = try #require(Int(lines[at + 1]), "\(lines[at + 1])")
                    #expect(pages[number - 1].contains(part.title), "\(part.title) on page \(number)")
                }
            }
        }

        @Test func aPrintedChartShowsItsTitleOnce() throws {
            let chart = BarChart.perMonth(title: "Réunions par mois, 2025", counts: Array(repeating: 1, count: 12)).render(dataTable: false).raw
            let caption = try #require(chart.components(separatedBy: "<figcaption>").last?.components(separatedBy: "</figcaption>").first)
            #expect(caption.components(separatedBy: "Réunions par mois, 2025").count - 1 == 1, "\(caption)")
            #expect(caption.contains("<span class=\"chart-summary\">Janvier : 1 ; "))
        }
    }
}
