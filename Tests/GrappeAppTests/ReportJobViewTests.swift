import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// A report job's page drawn from the job alone: no database, no request.
@Suite struct ReportJobViewTests {
    static let started = FrenchDate.make(2027, 2, 10)

    static func job(freeze: Bool, _ state: ReportJobs.JobState) -> ReportJobs.Job {
        ReportJobs.Job(id: "abc123", year: 2026, freeze: freeze, userID: UUID(), started: Self.started, state: state)
    }

    @Test func aRunningJobIsALiveRegionWithALinkAndCountsItsSeconds() {
        let job = Self.job(freeze: false, .running("Mise en page <PDF>…"))
        #expect(ReportJobView.title(job) == "PDF du rapport 2026")
        let html = ReportJobView.page(job, now: Self.started.addingTimeInterval(7)).raw
        #expect(!html.contains("http-equiv") && html.contains("<div data-live=\"3\" aria-live=\"polite\">"))
        #expect(html.contains("<a href=\"\(Site.reportJobShow.path("abc123"))\">Actualiser la page</a>"))
        #expect(html.contains("Mise en page &lt;PDF&gt;… <small>(7 s)</small>"))
    }

    @Test func aDoneFreezeOffersThePDFAndThePublishedVersion() {
        let job = Self.job(freeze: true, .done(pdf: Data(count: 4096), note: ""))
        #expect(ReportJobView.title(job) == "Figer le rapport 2026")
        let html = ReportJobView.page(job, now: Self.started).raw
        #expect(html.contains("<a class=\"button primary\" href=\"\(Site.reportJobPdf.path("abc123"))\">Télécharger le PDF (4 Ko)</a>"))
        #expect(html.contains("href=\"\(Site.publishedReportHtml.path(2026))\">version publiée</a>"))
        let failed = ReportJobView.page(Self.job(freeze: false, .failed("Moteur <absent>")), now: Self.started).raw
        #expect(failed.contains("<p class=\"flash flash-error\">Moteur &lt;absent&gt;</p>") && !failed.contains("Télécharger"))
    }
}
