import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// The annual report on the demo data: the seed's figures, computed from the records, and
    /// following them when they change.
    @Suite struct ReportTests {
        static func report(_ app: Application, year: Int = 2025) async throws -> ReportDocument {
            try await ReportService.document(app.db, organisation: try await app.currentOrganisation(on: app.db), year: year, now: app.now)
        }

        /// The text of one part of the report, tags included.
        static func part(_ document: ReportDocument, _ id: String) -> String {
            document.parts.first { $0.id == id }?.body.raw ?? ""
        }

        static func key(_ value: String, _ label: String) -> String { "<strong>\(value)</strong><span class=\"label\">\(label)</span>" }

        @Test func demoReportShowsTheSeedsFigures() async throws {
            try await withGrappe(demo: true) { app in
                let doc = try await Self.report(app)
                let keys = Self.part(doc, "chiffres-cles")
                #expect(keys.contains(Self.key("100", "adhérents")))
                #expect(keys.contains(Self.key("85 %", "d&#39;adhérents « cœur de filière »")))
                #expect(keys.contains(Self.key("15 %", "de partenaires")))
                #expect(keys.contains(Self.key("10", "femmes titulaires d&#39;une adhésion")))
                #expect(keys.contains(Self.key("1\u{202F}505", "abonnés · Facebook")))
                #expect(keys.contains(Self.key("2\u{202F}408", "abonnés · LinkedIn")))
                #expect(keys.contains(Self.key("6", "articles · Site www.open.nc")))
                #expect(keys.contains(Self.key("1\u{202F}500", "heures de bénévolat")))
                #expect(keys.contains("pas de donnée pour 2024"), "no followers were entered for 2024")
                #expect(keys.contains("Statistiques de la page LinkedIn"), "the source of a hand-entered figure is printed")

                let meetings = Self.part(doc, "reunions")
                #expect(meetings.contains("se sont réunis 11 fois en 2025"))
                for line in ["Février : 1 réunion", "Mai : 1 réunion", "Novembre : 2 réunions", "Décembre : 1 réunion"] { #expect(meetings.contains(line), "\(line)") }
                #expect(!meetings.contains("Juillet : 1"), "no meeting in July")
                #expect(meetings.contains("5 réunions avec le Gouvernement, 1 réunion avec la Province Sud."))

                for (slug, held, average) in [("cybersecurite", 11, "10"), ("formation", 7, "6"), ("data-ia", 11, "20"), ("numerique-inclusif-durable", 6, "10")] {
                    let page = Self.part(doc, "commission-\(slug)")
                    #expect(page.contains("<strong>\(held) réunions</strong>"), "\(slug)")
                    #expect(page.contains("<strong>\(average) participants en moyenne</strong>"), "\(slug)")
                    #expect(page.contains("<h3>Les projets de 2025</h3>"), "\(slug)")
                }
                #expect(Self.part(doc, "commission-cybersecurite").contains("28 membres"))

                let tremplins = Self.part(doc, "projet-les-tremplins-du-numerique")
                #expect(tremplins.contains("<td class=\"num\">1\u{202F}640</td><td class=\"num\">1\u{202F}500 sensibilisations</td><td class=\"num\">109 %</td>"))
                #expect(tremplins.contains("89 actions depuis le lancement"))
                #expect(tremplins.contains("Consortium : 17 adhérents"))

                let board = Self.part(doc, "gouvernance")
                #expect(board.contains("Sylver SCHORGEN (SF2I)"))
                #expect(board.contains("jeudi 20 avril 2023 pour 3 ans"))
                #expect(board.contains("La CCI") && board.contains("La French Tech"))
                #expect(Self.part(doc, "clubs").contains("2 clubs actifs"))
                #expect(Self.part(doc, "adherents").contains("100 adhérents"))
                #expect(Self.part(doc, "edito").contains("reconstruction pragmatique et lucide"))
                #expect(Self.part(doc, "cotisation").contains("<th scope=\"row\">Plus de 200 salariés</th><td class=\"num\">\(Money.xpf(960_000))</td>"))

                // Charts are SVG with a title and a description a screen reader can read.
                #expect(doc.html.contains("<title id=\"chart-"))
                #expect(doc.html.contains("Février : 1 ; Mars : 1"))
                // One document: the cover, the table of contents linking every part, then the parts.
                #expect(doc.html.hasPrefix("<!doctype html>"))
                for part in doc.parts { #expect(doc.html.contains("<a href=\"#\(part.id)\">"), "\(part.id) in the table of contents") }
                #expect(doc.html.contains("@page"))
            }
        }

        @Test func reportFollowsTheRecords() async throws {
            try await withGrappe(demo: true) { app in
                let orgID = try await Fixtures.organisationID(app)
                // One partner leaves, the board meets in July, someone gives ten more hours.
                let partner = try await Membership.query(on: app.db).filter(\.$year == 2025).filter(\.$status == .active).filter(\.$category == .partner).first()!
                partner.status = .resigned
                try await partner.save(on: app.db)
                let board = try await Group.query(on: app.db).filter(\.$slug == "conseil-administration").first()!
                let day = FrenchDate.make(2025, 7, 10)
                try await Meeting(organisationID: orgID, groupID: board.id, title: "Réunion de juillet", startsAt: FrenchDate.at(day, minutes: 1050),
                                  endsAt: FrenchDate.at(day, minutes: 1110), status: .held).create(on: app.db)
                let person = try await Person.query(on: app.db).filter(\.$lastName == "SCHORGEN").first()!
                try await VolunteerEntry(organisationID: orgID, personID: person.requireID(), groupID: nil, activity: "Salon", date: day, minutes: 600, createdBy: nil).create(on: app.db)

                let staff = TestClient(app)
                try await staff.login(DemoData.managerEmail)
                #expect(try await staff.post("/rapport/2025/communication", ["channel": "LinkedIn", "metric": "followers", "value": "2 600", "source": "LinkedIn, 15 janvier 2026"]).status == .seeOther)
                #expect(try await staff.post("/rapport/2025/textes/edito", ["body": "Une année **nouvelle**."]).status == .seeOther)

                let doc = try await Self.report(app)
                let keys = Self.part(doc, "chiffres-cles")
                #expect(keys.contains(Self.key("99", "adhérents")))
                #expect(keys.contains(Self.key("86 %", "d&#39;adhérents « cœur de filière »")), "85 of 99")
                #expect(keys.contains(Self.key("14 %", "de partenaires")))
                #expect(keys.contains(Self.key("2\u{202F}600", "abonnés · LinkedIn")))
                #expect(!keys.contains("2\u{202F}408"))
                #expect(keys.contains(Self.key("1\u{202F}510", "heures de bénévolat")))
                let meetings = Self.part(doc, "reunions")
                #expect(meetings.contains("se sont réunis 12 fois en 2025"))
                #expect(meetings.contains("Juillet : 1 réunion"))
                #expect(Self.part(doc, "edito").contains("Une année <strong>nouvelle</strong>."))
                #expect(Self.part(doc, "adherents").contains("99 adhérents"))
                #expect(try await ReportText.query(on: app.db).filter(\.$kind == .edito).count() == 2, "the first édito is kept as version 1")

                // The staff's page and the preview over HTTP.
                let page = try await staff.get("/rapport/2025")
                #expect(page.status == .ok)
                #expect(page.body.contains("version 2 du"))
                #expect(page.body.contains("LinkedIn, 15 janvier 2026"))
                let preview = try await staff.get("/rapport/2025/apercu")
                #expect(preview.status == .ok)
                #expect(preview.body.contains("Une année <strong>nouvelle</strong>."))
                let csp = preview.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(csp.contains("style-src 'sha256-") && csp.contains("default-src 'none'"), "\(csp)")
                #expect(preview.headers.first(name: SecurityHeadersMiddleware.documentPolicy) == nil)
                let old = try await staff.get("/rapport/2024/apercu")
                #expect(old.body.contains("L&#39;édito 2024 n&#39;a pas encore été rédigé."))
                #expect(old.body.contains(Self.key("94", "adhérents")))
            }
        }
    }
}

extension AppTests.ReportTests {
    static var pdftotext: String? {
        ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `grappe report 2025 --pdf` on the demo: the PDF, read back as text, is OPEN's report.
    @Test(.enabled(if: PDFEngine.find() != nil && pdftotext != nil, "needs a PDF engine and pdftotext (apt-get install weasyprint poppler-utils)"))
    func demoPDFReadsAsTheSeedReport() async throws {
        try await withGrappe(demo: true) { app in
            let dir = NSTemporaryDirectory() + "grappe-pdf-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            var context = CommandContext(console: Terminal(), input: CommandInput(arguments: ["grappe", "report", "2025", "--pdf", "\(dir)/rapport.pdf"]))
            context.application = app
            try await app.asyncCommands.group().run(using: &context)
            let (status, _) = try await PDFEngine.run(Self.pdftotext!, ["\(dir)/rapport.pdf", "\(dir)/rapport.txt"], log: URL(fileURLWithPath: "\(dir)/log"), timeout: 60)
            #expect(status == 0)
            // pdftotext writes the narrow no-break spaces of French numbers as plain spaces.
            let text = try String(contentsOfFile: "\(dir)/rapport.txt", encoding: .utf8)
                .replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
            for words in ["Rapport annuel 2025", "Sommaire", "Édito", "85 %", "15 %", "1 505", "2 408", "1 640", "109 %",
                          "Novembre : 2 réunions", "5 réunions avec le Gouvernement", "Commission DATA-IA", "Contacter OPEN NC", "Margaux LOCHE", "contact@open.nc"] {
                #expect(text.contains(words), "the PDF says « \(words) »")
            }
            let pages = text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            #expect(pages.count >= 20, "a cover, a table of contents and a page per part: \(pages.count) pages")
            #expect(pages.count > 3 && pages[3].contains("4 / \(pages.count)"), "pages are numbered")
        }
    }
}
