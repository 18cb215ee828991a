import Fluent
import Foundation

/// What a year's report preparation page shows, read by `load` and drawn by `ReportView.show`:
/// the live document's parts, the published version if any, the state of each text, the
/// communication figures, and the PDF engine found on this machine.
struct ReportPage: Sendable {
    let year: Int
    let parts: [ReportPart]
    let frozen: FrozenReport?
    /// Each kind of text with the version printed this year (maybe carried over), if any.
    let texts: [(kind: ReportText.Kind, text: ReportText?)]
    let figures: [CommunicationFigure]
    let engine: PDFEngine?
    /// Staff: the write tools (texts, figures, PDF, freeze).
    let staff: Bool
    /// For a text saved without its creation date.
    let now: Date

    static func load(_ db: any Database, organisation: OrganisationProfile, year: Int, now: Date, staff: Bool, engine: PDFEngine?) async throws -> ReportPage {
        let orgID = try organisation.requireID()
        let document = try await ReportService.document(db, organisation: organisation, year: year, now: now)
        var texts: [(kind: ReportText.Kind, text: ReportText?)] = []
        for kind in ReportText.Kind.allCases { texts.append((kind, try await ReportQueries.text(db, organisationID: orgID, year: year, kind: kind))) }
        return ReportPage(year: year, parts: document.parts, frozen: try await ReportService.frozen(db, organisationID: orgID, year: year), texts: texts,
                          figures: try await ReportQueries.communication(db, organisationID: orgID, year: year), engine: engine, staff: staff, now: now)
    }
}
