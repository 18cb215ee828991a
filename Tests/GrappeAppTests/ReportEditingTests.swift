import Fluent
import Foundation
import NIOConcurrencyHelpers
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// Preparing, freezing and printing a report: texts and figures entered by staff, refusals,
    /// access, the published copy, the PDF and the command line. No demo data: each test builds
    /// what it needs.
    @Suite struct ReportEditingTests {
        /// Waits for a background job's page to stop showing its progress, and returns it.
        static func finish(_ client: TestClient, _ location: String) async throws -> TestClient.Page {
            for _ in 0..<300 {
                let page = try await client.get(location)
                if !page.body.contains("<progress") { return page }
                try await Task.sleep(for: .milliseconds(200))
            }
            Issue.record("the job did not finish within a minute")
            return try await client.get(location)
        }

        @Test func missingFiguresSayPasDeDonneeNeverZero() async throws {
            try await withGrappe { app in
                let doc = try await ReportService.document(app.db, organisation: try await app.currentOrganisation(on: app.db), year: 2025, now: app.now)
                let keys = doc.parts.first { $0.id == "chiffres-cles" }!.body.raw
                #expect(keys.contains("<strong>pas de donnée</strong><span class=\"label\">adhérents</span>"))
                #expect(keys.contains("<strong>pas de donnée</strong><span class=\"label\">abonnés et articles</span>"))
                #expect(keys.contains("<strong>pas de donnée</strong><span class=\"label\">heures de bénévolat</span>"))
                #expect(keys.contains("<strong>pas de donnée</strong><span class=\"label\">de cotisations reçues</span>"))
                #expect(!keys.contains("<strong>0</strong>") && !keys.contains("<strong>0 %</strong>"))
                #expect(doc.html.contains("L&#39;édito 2025 n&#39;a pas encore été rédigé."))
                #expect(doc.html.contains("Aucune grille de cotisation n&#39;est enregistrée pour 2025."))
                #expect(!doc.parts.contains { $0.id == "adherents" || $0.id == "partenaires" || $0.id == "benevolat" }, "sections without records are left out")

                // A real zero stays a zero once there are members: no woman holder among them.
                try await Fixtures.member(app, name: "Alpha")
                let after = try await ReportService.document(app.db, organisation: try await app.currentOrganisation(on: app.db), year: 2025, now: app.now)
                #expect(after.parts.first { $0.id == "chiffres-cles" }!.body.raw.contains("<strong>0</strong><span class=\"label\">femmes titulaires d&#39;une adhésion</span>"))
            }
        }

        @Test func staffEnterFiguresAndTextsWithClearRefusals() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let bad = try await staff.post("/rapport/2025/communication", ["channel": "", "metric": "likes", "value": "beaucoup", "source": ""])
                #expect(bad.status == .badRequest)
                #expect(bad.body.contains("Indiquez le réseau ou le support"))
                #expect(bad.body.contains("Un nombre entier positif, par exemple 1 505."))
                #expect(bad.body.contains("Indiquez d&#39;où vient ce chiffre"))
                #expect(bad.body.contains("value=\"beaucoup\""), "what was typed is kept")
                #expect(try await CommunicationFigure.query(on: app.db).count() == 0)

                #expect(try await staff.post("/rapport/2025/communication", ["channel": "Facebook", "metric": "followers", "value": "1 505", "source": "Meta"]).status == .seeOther)
                #expect(try await staff.post("/rapport/2025/communication", ["channel": "Facebook", "metric": "followers", "value": "1\u{202F}600", "source": "Meta, mars"]).status == .seeOther)
                let figures = try await CommunicationFigure.query(on: app.db).all()
                #expect(figures.count == 1, "the same channel and metric is replaced, not doubled")
                #expect(figures.first?.value == 1600 && figures.first?.source == "Meta, mars")

                let empty = try await staff.post("/rapport/2025/textes/edito", ["body": "   "])
                #expect(empty.status == .badRequest)
                #expect(empty.body.contains("Le texte est vide."))
                let long = try await staff.post("/rapport/2025/textes/history", ["body": String(repeating: "a", count: 20_001)])
                #expect(long.status == .badRequest)
                #expect(try await staff.post("/rapport/2025/textes/edito", ["body": "Premier jet <script>alert(1)</script>"]).status == .seeOther)
                #expect(try await staff.post("/rapport/2025/textes/edito", ["body": "Second jet"]).status == .seeOther)
                let same = try await staff.post("/rapport/2025/textes/edito", ["body": "Second jet"])
                #expect(same.location == "/rapport/2025")
                #expect(try await ReportText.query(on: app.db).count() == 2, "an unchanged text makes no version")
                let v1 = try await staff.get("/rapport/2025/textes/edito?version=1")
                #expect(v1.body.contains("Premier jet &lt;script&gt;"), "an earlier version can be read and taken up again")
                #expect(try await staff.get("/rapport/2025/textes/inconnu").status == .notFound)
                #expect(try await staff.get("/rapport/1850").status == .notFound)

                // The history carries over to the next year until rewritten; the édito does not.
                #expect(try await staff.post("/rapport/2025/textes/history", ["body": "Né en 2015."]).status == .seeOther)
                let next = try await ReportService.document(app.db, organisation: try await app.currentOrganisation(on: app.db), year: 2026, now: app.now)
                #expect(next.html.contains("Né en 2015."))
                #expect(!next.html.contains("Second jet"))

                let doc = try await staff.get("/rapport/2025/apercu")
                #expect(doc.body.contains("Second jet"))
                #expect(!doc.body.contains("<script>"), "the report escapes what staff type")
            }
        }

        @Test func onlyStaffPrepareAndBoardReads() async throws {
            try await withGrappe { app in
                try await Fixtures.member(app, name: "Beta", login: "beta@beta.example")
                try await Fixtures.user(app, email: "ca@open.nc", role: .board)
                let visitor = TestClient(app)
                #expect(try await visitor.get("/rapport/2025").status == .seeOther, "anonymous visitors are sent to the login page")
                #expect(try await visitor.get("/rapport/2025/apercu").status == .seeOther)
                let member = TestClient(app)
                try await member.login("beta@beta.example", Fixtures.password)
                for path in ["/rapport", "/rapport/2025", "/rapport/2025/apercu", "/rapport/2025/textes/edito"] {
                    #expect(try await member.get(path).status == .forbidden, "\(path)")
                }
                #expect(try await member.post("/rapport/2025/figer").status == .forbidden)
                let board = TestClient(app)
                try await board.login("ca@open.nc", Fixtures.password)
                #expect(try await board.get("/rapport/2025").status == .ok)
                #expect(try await board.get("/rapport/2025/apercu").status == .ok)
                #expect(try await board.post("/rapport/2025/textes/edito", ["body": "x"]).status == .forbidden)
                #expect(try await board.post("/rapport/2025/pdf").status == .forbidden)
                #expect(try await board.get("/rapport/travaux/inconnu").status == .forbidden)
                #expect(try await TestClient(app).post("/rapport/2025/figer", csrf: false).status == .forbidden, "no CSRF token, no freeze")
            }
        }

        @Test func frozenReportIsServedAsKeptWhileTheLiveOneFollows() async throws {
            try await withGrappe { app in
                try await Fixtures.member(app, name: "Gamma")
                let staff = try await Fixtures.staffClient(app)
                #expect(try await TestClient(app).get("/rapports/2025").status == .notFound)
                #expect(try await staff.get("/tableau-de-bord").body.contains("Pas encore figé : il suit les données. <a href=\"/rapport/2025\">"))
                let started = try await staff.post("/rapport/2025/figer")
                #expect(started.status == .seeOther)
                let done = try await Self.finish(staff, started.location!)
                #expect(done.body.contains("Le rapport 2025 est figé et publié"))
                let frozen = try await FrozenReport.query(on: app.db).first()!
                if PDFEngine.find() != nil {
                    #expect(frozen.pdf?.starts(with: Array("%PDF-".utf8)) == true)
                    #expect(done.body.contains("Télécharger le PDF"))
                } else {
                    #expect(frozen.pdf == nil)
                    #expect(done.body.contains("apt-get install weasyprint"), "without an engine the page says what to install")
                }

                #expect(try await staff.get("/tableau-de-bord").body.contains("<h2>Rapport annuel 2025</h2>\n<p>Publié le "))
                try await Fixtures.member(app, name: "Delta Nouveau")
                let visitor = TestClient(app)
                let published = try await visitor.get("/rapports/2025")
                #expect(published.status == .ok)
                #expect(published.body == frozen.html, "the published copy is served byte for byte")
                #expect(!published.body.contains("Delta Nouveau"))
                #expect((published.headers.first(name: "Content-Security-Policy") ?? "").contains("'sha256-"))
                #expect(try await staff.get("/rapport/2025/apercu").body.contains("Delta Nouveau"), "the live report follows the records")
                let list = try await visitor.get("/rapports")
                #expect(list.body.contains("<a href=\"/rapports/2025\">Rapport annuel 2025</a>"))
                let pdf = try await visitor.get("/rapports/2025/pdf")
                #expect(pdf.status == (frozen.pdf == nil ? .notFound : .ok))

                let removed = try await staff.post("/rapport/2025/defiger")
                #expect(removed.status == .seeOther)
                #expect(try await visitor.get("/rapports/2025").status == .notFound)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "report").count() == 2)
            }
        }

        @Test(.enabled(if: PDFEngine.find() != nil, "needs WeasyPrint or Chromium (apt-get install weasyprint)"))
        func pdfFromTheStaffPageAndTheCommandLine() async throws {
            try await withGrappe { app in
                try await Fixtures.member(app, name: "Epsilon")
                let staff = try await Fixtures.staffClient(app)
                let started = try await staff.post("/rapport/2025/pdf")
                let done = try await Self.finish(staff, started.location!)
                #expect(done.body.contains("Télécharger le PDF"))
                let pdf = try await staff.get(started.location! + "/pdf")
                #expect(pdf.headers.contentType?.subType == "pdf")
                #expect(pdf.body.hasPrefix("%PDF-"))
                #expect(try await TestClient(app).get(started.location! + "/pdf").status != .ok, "a job's PDF is its author's")

                let dir = NSTemporaryDirectory() + "grappe-report-\(UUID().uuidString)"
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(atPath: dir) }
                var context = CommandContext(console: Terminal(), input: CommandInput(arguments: ["grappe", "report", "2025", "--pdf", "\(dir)/r.pdf", "--html", "\(dir)/r.html"]))
                context.application = app
                try await app.asyncCommands.group().run(using: &context)
                let file = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/r.pdf"))
                #expect(file.starts(with: Array("%PDF-".utf8)))
                #expect(try String(contentsOfFile: "\(dir)/r.html", encoding: .utf8).contains("Epsilon"))
            }
        }

        @Test func aSecondClickJoinsTheRunningJob() {
            let jobs = ReportJobs(), me = UUID(), other = UUID()
            let first = jobs.start(year: 2025, freeze: false, userID: me)
            #expect(first.isNew)
            let again = jobs.start(year: 2025, freeze: false, userID: me)
            #expect(!again.isNew && again.job.id == first.job.id)
            #expect(jobs.start(year: 2025, freeze: true, userID: me).isNew, "freezing is another job")
            #expect(jobs.start(year: 2024, freeze: false, userID: me).isNew, "another year is another job")
            #expect(jobs.start(year: 2025, freeze: false, userID: other).isNew, "someone else's click starts their own")
            jobs.update(first.job.id, .done(pdf: nil, note: ""))
            let later = jobs.start(year: 2025, freeze: false, userID: me)
            #expect(later.isNew && later.job.id != first.job.id, "once done, a new click starts a new job")
        }

        @Test func stoppingTheApplicationStopsTheJobsStillRunning() async throws {
            let ended = NIOLockedValueBox(false)
            let app = try await Application.make(.testing)
            do {
                try await configure(app, testing: true)
                let (job, _) = app.reportJobs.start(year: 2025, freeze: false, userID: UUID())
                app.reportJobs.run(job) {
                    while !Task.isCancelled { try? await Task.sleep(nanoseconds: 5_000_000) }
                    ended.withLockedValue { $0 = true }
                }
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
            #expect(ended.withLockedValue { $0 }, "the shutdown waited for the cancelled job")
        }

        @Test func commandWritesHTMLAndNamesThePackageWhenNoEngine() async throws {
            #expect(PDFEngine.find(path: "/nulle/part") == nil)
            #expect(PDFEngine.missingMessage.contains("apt-get install weasyprint"))
            let bin = NSTemporaryDirectory() + "grappe-bin-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: bin) }
            FileManager.default.createFile(atPath: bin + "/chromium", contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755])
            #expect(PDFEngine.find(path: bin) == PDFEngine(kind: .chromium, path: bin + "/chromium"))
            try await withGrappe { app in
                try await Fixtures.member(app, name: "Zeta")
                let html = NSTemporaryDirectory() + "grappe-\(UUID().uuidString).html"
                defer { try? FileManager.default.removeItem(atPath: html) }
                var context = CommandContext(console: Terminal(), input: CommandInput(arguments: ["grappe", "report", "2025", "--html", html]))
                context.application = app
                try await app.asyncCommands.group().run(using: &context)
                let text = try String(contentsOfFile: html, encoding: .utf8)
                #expect(text.contains("<h1>Rapport annuel 2025</h1>"))
                #expect(text.contains("Zeta"))
                var bad = CommandContext(console: Terminal(), input: CommandInput(arguments: ["grappe", "report", "1850"]))
                bad.application = app
                await #expect(throws: (any Error).self) { try await app.asyncCommands.group().run(using: &bad) }
            }
        }
    }
}
