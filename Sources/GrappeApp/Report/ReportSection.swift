import Fluent
import Foundation

/// What every section reads: the database, the cluster and the year. Figures are computed from
/// the records when the report is generated.
struct ReportContext: Sendable {
    let db: any Database
    let organisation: OrganisationProfile
    let year: Int
    /// Now, by the application's clock: figures still running are given as of this day.
    let now: Date
    /// Results several sections read (the year's meetings with their attendance…), computed once.
    let memo = ReportMemo()

    var organisationID: UUID { organisation.id }
    var previousYear: Int { year - 1 }
}

/// One part of the report as printed: an anchor, a title for the table of contents, a body.
struct ReportPart: Sendable {
    let id: String
    let title: String
    let body: HTML
}

/// A section of the annual report. Adding one is a matter of one file: a type conforming to
/// this protocol, named in `ReportSections.all` where it should appear.
protocol ReportSection: Sendable {
    /// The parts the section prints for the year; none when the records hold nothing for it.
    func parts(_ ctx: ReportContext) async throws -> [ReportPart]
}

/// Figures computed once per generation and shared between sections: the attendance of a
/// year is scanned once, whatever the number of sections that read it.
actor ReportMemo {
    private var values: [String: any Sendable] = [:]

    func value<T: Sendable>(_ key: String, _ compute: @Sendable () async throws -> T) async throws -> T {
        if let known = values[key] as? T { return known }
        let value = try await compute()
        values[key] = value
        return value
    }
}
