import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The staff's report pages drawn from their model alone: no database, no request.
@Suite struct ReportViewTests {
    static let now = FrenchDate.make(2027, 2, 10)

    static func page(frozen: FrozenReport? = nil, staff: Bool, engine: PDFEngine? = nil) -> ReportPage {
        let edito = ReportText(organisationID: UUID(), year: 2026, kind: .edito, version: 3, body: "Bonjour", authorID: nil)
        edito.createdAt = FrenchDate.make(2027, 1, 20)
        let history = ReportText(organisationID: UUID(), year: 2024, kind: .history, version: 1, body: "Jadis", authorID: nil)
        return ReportPage(year: 2026, parts: [ReportPart(id: "adherents", title: "Adhérents <2026>", body: .empty)], frozen: frozen,
                          texts: [(.edito, edito), (.history, history), (.networks, nil)], figures: [], engine: engine, staff: staff, now: Self.now)
    }

    @Test func theYearsSayWhichArePublished() {
        let html = ReportView.index(years: [2026, 2025], frozenAt: [2025: FrenchDate.make(2026, 3, 2)]).raw
        #expect(html.contains("<a href=\"\(Site.reportShow.path(2026))\">Rapport 2026</a></td><td>Suit les données</td>"))
        #expect(html.contains("Publié (figé le lundi 2 mars 2026)") && html.contains("href=\"\(Site.publishedReportHtml.path(2025))\""))
        #expect(!html.contains(Site.publishedReportHtml.path(2026) + "\""))
        #expect(ReportView.index(years: [], frozenAt: [:]).raw.contains("Aucune année avec des adhésions."))
    }

    @Test func thePreparationShowsTextsContentsAndTheStaffsTools() {
        let html = ReportView.show(Self.page(staff: true), csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("<td>Édito</td><td>version 3 du 20/01/2027</td><td><a href=\"\(Site.reportTextEdit.path(2026, "edito"))\">Modifier</a>"))
        #expect(html.contains("<td>Un peu d&#39;histoire</td><td>repris de 2024</td>") && html.contains(">Rédiger</a>"))
        #expect(html.contains("<li><a href=\"\(Site.reportPreview.path(2026))#adherents\">Adhérents &lt;2026&gt;</a></li>"))
        #expect(html.contains("Sommaire (1 parties)") && html.contains("Pas encore figé : le rapport"))
        // No engine: the PDF button is disabled and the page says what to install.
        #expect(html.contains("<button class=\"primary\" disabled>Générer le PDF</button>") && html.contains(PDFEngine.missingMessage.replacingOccurrences(of: "'", with: "&#39;")))
        #expect(html.contains("action=\"\(Site.reportStartFreeze.path(2026))\"") && !html.contains(Site.reportUnfreeze.path(2026)))
        let board = ReportView.show(Self.page(staff: false), csrf: .empty).raw
        #expect(!board.contains(Site.reportStartPDF.path(2026)) && !board.contains(">Modifier</a>") && !board.contains(Site.communicationSave.path(2026)))
    }

    @Test func aPublishedYearCanBeWithdrawn() {
        let frozen = FrozenReport(organisationID: UUID(), year: 2026, html: "", pdf: nil, frozenBy: nil, frozenAt: FrenchDate.make(2027, 3, 2))
        let html = ReportView.show(Self.page(frozen: frozen, staff: true, engine: PDFEngine(kind: .weasyprint, path: "/usr/bin/weasyprint")), csrf: .empty).raw
        #expect(html.contains("Publié : figé le mardi 2 mars 2027 (HTML seulement). le rapport"))
        #expect(html.contains("action=\"\(Site.reportUnfreeze.path(2026))\"") && html.contains("Figer à nouveau"))
        #expect(html.contains("Moteur PDF : weasyprint.") && html.contains("<button class=\"primary\">Générer le PDF</button>"))
    }
}
