import Fluent
import Foundation
import Vapor

/// Generating a year's report (HTML, then PDF when an engine is installed) and freezing it.
enum ReportService {
    static func document(_ db: any Database, organisation: OrganisationProfile, year: Int, now: Date) async throws -> ReportDocument {
        try await ReportDocument.build(ReportContext(db: db, organisation: organisation, year: year, now: now))
    }

    /// Keeps this HTML and PDF as the published report of the year, replacing an earlier freeze.
    static func freeze(_ db: any Database, organisationID: UUID, year: Int, html: String, pdf: Data?, user: User?) async throws {
        try await db.transaction { db in
            try await FrozenReport.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$year == year).delete()
            let frozen = FrozenReport(organisationID: organisationID, year: year, html: html, pdf: pdf, frozenBy: user?.id)
            try await frozen.create(on: db)
            try await Audit.record(on: db, organisationID: organisationID, user: user, entity: "report", entityID: frozen.requireID(), action: "freeze",
                                   changes: ["année": ("", String(year)), "pdf": ("", pdf == nil ? "non" : "oui")])
        }
    }

    /// When the year's report was frozen, without loading the kept HTML and PDF.
    static func frozenAt(_ db: any Database, organisationID: UUID, year: Int) async throws -> Date? {
        try await FrozenReport.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$year == year)
            .field(\.$id).field(\.$frozenAt).first()?.frozenAt
    }

    static func frozen(_ db: any Database, organisationID: UUID, year: Int) async throws -> FrozenReport? {
        try await FrozenReport.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$year == year).first()
    }

    /// Runs a job started from the staff pages: compute, render, print to PDF, freeze if asked.
    static func run(_ job: ReportJobs.Job, app: Application, organisation: OrganisationProfile, user: User) async {
        let jobs = app.reportJobs
        do {
            let document = try await document(app.db, organisation: organisation, year: job.year, now: app.now)
            var pdf: Data?
            var note = ""
            if let engine = PDFEngine.find() {
                jobs.update(job.id, .running("Mise en page du PDF par \(engine.kind.rawValue) (\(document.parts.count) parties)…"))
                pdf = try await engine.render(html: document.html)
            } else {
                note = PDFEngine.missingMessage
            }
            if job.freeze {
                jobs.update(job.id, .running("Enregistrement de la version figée…"))
                try await freeze(app.db, organisationID: organisation.requireID(), year: job.year, html: document.html, pdf: pdf, user: user)
            }
            jobs.update(job.id, .done(pdf: pdf, note: note))
        } catch {
            app.logger.report(error: error)
            jobs.update(job.id, .failed("La génération a échoué : \(error)"))
        }
    }
}
