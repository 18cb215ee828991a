import Foundation
import GrappeDomain

/// An HTML-to-PDF engine found on the machine: WeasyPrint (preferred: it numbers the table of
/// contents) or headless Chromium. Both are Debian packages.
struct PDFEngine: Sendable, Equatable {
    enum Kind: String, Sendable { case weasyprint, chromium }

    let kind: Kind
    let path: String

    static let missingMessage = "Aucun moteur PDF n'est installé : installez WeasyPrint (apt-get install weasyprint) ou Chromium (apt-get install chromium). Le rapport HTML reste disponible."

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// The first engine found in `PATH`, WeasyPrint first.
    static func find(path: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") -> PDFEngine? {
        let dirs = path.split(separator: ":").map(String.init)
        let candidates: [(Kind, String)] = [(.weasyprint, "weasyprint"), (.chromium, "chromium"), (.chromium, "chromium-browser"), (.chromium, "google-chrome")]
        for (kind, name) in candidates {
            for dir in dirs {
                let file = (dir as NSString).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: file) { return PDFEngine(kind: kind, path: file) }
            }
        }
        return nil
    }

    /// Prints `html` to PDF and returns the file's bytes. Chromium has no `target-counter()`: it
    /// prints twice, the contents' page numbers read from the first print with `pdftotext`
    /// (`ReportPageNumbers`; without pdftotext the contents stay unnumbered).
    func render(html: String, timeout: TimeInterval = 180) async throws -> Data {
        guard kind == .chromium, let pdftotext = Self.tool("pdftotext") else { return try await printOnce(html: html, timeout: timeout) }
        let ids = ReportPageNumbers.partIDs(html)
        guard !ids.isEmpty else { return try await printOnce(html: html, timeout: timeout) }
        let first = try await printOnce(html: ReportPageNumbers.marked(html), timeout: timeout)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("grappe-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("first.pdf"), text = dir.appendingPathComponent("first.txt")
        try first.write(to: pdf)
        let (status, _) = try await Self.run(pdftotext, ["-enc", "UTF-8", pdf.path, text.path], log: dir.appendingPathComponent("errors.txt"), timeout: 60)
        guard status == 0, let words = try? String(contentsOf: text, encoding: .utf8) else { return try await printOnce(html: html, timeout: timeout) }
        let pages = ReportPageNumbers.pages(pdfText: words, ids: ids)
        return try await printOnce(html: ReportPageNumbers.numbered(html, pages: pages), timeout: timeout)
    }

    /// A program in `PATH`, if any.
    static func tool(_ name: String, path: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") -> String? {
        path.split(separator: ":").map { ($0 as NSString).appendingPathComponent(name) }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// One print of `html` by the engine.
    private func printOnce(html: String, timeout: TimeInterval) async throws -> Data {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("grappe-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("rapport.html"), output = dir.appendingPathComponent("rapport.pdf")
        try html.write(to: input, atomically: true, encoding: .utf8)
        let arguments: [String]
        switch kind {
        case .weasyprint:
            arguments = ["--quiet", input.path, output.path]
        case .chromium:
            arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
                         "--print-to-pdf=\(output.path)", input.absoluteString]
        }
        let (status, errors) = try await Self.run(path, arguments, log: dir.appendingPathComponent("errors.txt"), timeout: timeout)
        guard status == 0, let data = try? Data(contentsOf: output), data.starts(with: Array("%PDF-".utf8)) else {
            throw Failure(description: "\(kind.rawValue) n'a pas produit de PDF (code \(status)) : \(errors.suffix(400))")
        }
        return data
    }

    /// Runs a program to its end (or kills it after `timeout`), returning its status and what it
    /// wrote on stderr (kept in a file: a pipe could fill up and block the engine).
    static func run(_ path: String, _ arguments: [String], log: URL, timeout: TimeInterval) async throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let errors = try FileHandle(forWritingTo: log)
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { p in
                try? errors.close()
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                continuation.resume(returning: (p.terminationStatus, text))
            }
            do { try process.run() } catch {
                process.terminationHandler = nil
                try? errors.close()
                continuation.resume(throwing: Failure(description: "Impossible de lancer \(path) : \(error)"))
                return
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { if process.isRunning { process.terminate() } }
        }
    }
}
