import Foundation
import GrappeDomain

/// Where a PDF generation or a freeze stands, drawn from the job alone: while it runs, the
/// status is a polite live region that the script redraws every few seconds (`data-live`), and
/// a link reloads it by hand without the script (no `meta refresh`: it moves the reader of a
/// screen reader back to the top every time); once done, it offers the PDF.
enum ReportJobView {
    static func title(_ job: ReportJobs.Job) -> String {
        job.freeze ? "Figer le rapport \(job.year)" : "PDF du rapport \(job.year)"
    }

    /// `now` on the jobs' own clock (their start is the machine's time), for the seconds spent.
    static func page(_ job: ReportJobs.Job, now: Date) -> HTML {
        let what = title(job)
        let status: HTML
        switch job.state {
        case .running(let step):
            let seconds = Int(now.timeIntervalSince(job.started))
            status = "<p role=\"status\"><progress aria-label=\"Génération en cours\"></progress> \(step) <small>(\(seconds) s)</small></p><p><a href=\"\(Site.reportJobShow.path(job.id))\">Actualiser la page</a> <small>(elle se met à jour toute seule quand JavaScript est actif)</small></p>"
        case .done(let pdf, let note):
            let download: HTML = pdf.map { d -> HTML in "<p><a class=\"button primary\" href=\"\(Site.reportJobPdf.path(job.id))\">Télécharger le PDF (\(d.count / 1024) Ko)</a></p>" } ?? .empty
            let frozen: HTML = job.freeze ? "<p class=\"flash flash-success\">Le rapport \(job.year) est figé et publié : <a href=\"\(Site.publishedReportHtml.path(job.year))\">version publiée</a>.</p>" : .empty
            status = "\(frozen)\(download)\(note.isEmpty ? HTML.empty : HTML("<p class=\"flash flash-info\">\(note)</p>"))"
        case .failed(let message):
            status = "<p class=\"flash flash-error\">\(message)</p>"
        }
        return """
        \(UI.breadcrumbs([("Rapport annuel", Site.reportIndex.path()), ("\(job.year)", Site.reportShow.path(job.year)), (what, nil)]))
        <h1>\(what)</h1>
        <div data-live="3" aria-live="polite">\(status)</div>
        """
    }
}
