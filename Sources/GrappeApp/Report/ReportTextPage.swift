import Fluent
import Foundation

/// What the editing page of a report text shows, read by `load` and drawn by `ReportTextView`:
/// the year's versions (newest first, with their author), the one printed and the one read.
struct ReportTextPage: Sendable {
    /// The longest text accepted, in characters.
    static let maxLength = 20_000

    let year: Int
    let kind: ReportText.Kind
    let versions: [ReportText]
    /// The version printed in the report (maybe carried over from an earlier year).
    let current: ReportText?
    /// The version in the form: the one asked for (`version`), else the current one.
    let shown: ReportText?

    static func load(_ db: any Database, organisationID orgID: UUID, year: Int, kind: ReportText.Kind, version: Int?) async throws -> ReportTextPage {
        let versions = try await ReportText.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$year == year).filter(\.$kind == kind)
            .sort(\.$version, .descending).with(\.$author).all()
        let current = try await ReportQueries.text(db, organisationID: orgID, year: year, kind: kind)
        let shown = version.flatMap { v in versions.first { $0.version == v } } ?? current
        return ReportTextPage(year: year, kind: kind, versions: versions, current: current, shown: shown)
    }
}
