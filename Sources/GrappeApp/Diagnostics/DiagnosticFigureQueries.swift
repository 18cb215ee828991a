import Fluent
import Foundation
import GrappeDomain
import SQLKit

/// The closed diagnostics counted by the database: six statements whatever their number (the
/// first and last closing, then four queries grouped by year — totals and score sums, levels,
/// commune and activity, follow-ups). The year is Nouméa's: a `CASE` on the year boundaries,
/// the same on SQLite and PostgreSQL. See `DiagnosticFigures` for who is counted where.
enum DiagnosticFigureQueries {
    static func figures(_ db: any Database, organisationID: UUID) async throws -> DiagnosticFigures {
        let closed = Diagnostic.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$status == .closed).filter(\.$closedAt != nil)
        guard let first = try await closed.copy().sort(\.$closedAt).first()?.closedAt,
              let last = try await closed.copy().sort(\.$closedAt, .descending).first()?.closedAt else { return .empty }
        let year = yearCase(from: FrenchDate.year(of: first), to: FrenchDate.year(of: last))
        let scope: SQLQueryString = """
            FROM diagnostics d JOIN diagnostic_requests r ON r.id = d.request_id
            WHERE d.organisation_id = \(bind: organisationID) AND d.status = \(bind: Diagnostic.Status.closed.rawValue) AND d.closed_at IS NOT NULL
            """
        let consent: SQLQueryString = "r.statistics_consent = \(bind: true)"

        var tallies: [Int: DiagnosticTally] = [:]
        let dimensionSums = DiagnosticDimension.allCases.map { d -> SQLQueryString in
            ", SUM(CASE WHEN \(consent) THEN COALESCE(d.score_\(unsafeRaw: d.rawValue), 0) ELSE 0 END) AS sum_\(unsafeRaw: d.rawValue)"
        }.joined()
        let grant = { (status: Diagnostic.GrantStatus) -> SQLQueryString in "SUM(CASE WHEN d.grant_status = \(bind: status.rawValue) THEN 1 ELSE 0 END)" }
        for row in try await db.sql.raw("""
            SELECT \(year) AS y, COUNT(*) AS diagnostics, SUM(CASE WHEN \(consent) THEN 1 ELSE 0 END) AS counted,
            SUM(CASE WHEN \(consent) THEN COALESCE(d.overall_score, 0) ELSE 0 END) AS overall\(dimensionSums),
            SUM(CASE WHEN d.follows_id IS NOT NULL THEN 1 ELSE 0 END) AS follow_ups,
            \(grant(.asked)) AS asked, \(grant(.granted)) AS granted, \(grant(.refused)) AS refused,
            CAST(SUM(CASE WHEN d.grant_status = \(bind: Diagnostic.GrantStatus.granted.rawValue) THEN COALESCE(d.grant_amount, 0) ELSE 0 END) AS BIGINT) AS granted_total
            \(scope) GROUP BY 1
            """).all() {
            var t = DiagnosticTally()
            t.diagnostics = try row.decode(column: "diagnostics", as: Int.self)
            t.counted = try row.decode(column: "counted", as: Int.self)
            t.overallSum = try row.decode(column: "overall", as: Double.self)
            for d in DiagnosticDimension.allCases { t.dimensionSums[d] = try row.decode(column: "sum_\(d.rawValue)", as: Double.self) }
            t.followUps = try row.decode(column: "follow_ups", as: Int.self)
            t.grantsAsked = try row.decode(column: "asked", as: Int.self)
            t.grantsGranted = try row.decode(column: "granted", as: Int.self)
            t.grantsRefused = try row.decode(column: "refused", as: Int.self)
            t.grantedTotal = try row.decode(column: "granted_total", as: Int.self)
            tallies[try row.decode(column: "y", as: Int.self)] = t
        }

        // A follow-up's change against the diagnostic it follows, for the counted ones.
        for row in try await db.sql.raw("""
            SELECT \(year) AS y, COUNT(*) AS n, SUM(d.overall_score - e.overall_score) AS change,
            SUM(CASE WHEN d.overall_score > e.overall_score THEN 1 ELSE 0 END) AS improved
            FROM diagnostics d JOIN diagnostic_requests r ON r.id = d.request_id JOIN diagnostics e ON e.id = d.follows_id
            WHERE d.organisation_id = \(bind: organisationID) AND d.status = \(bind: Diagnostic.Status.closed.rawValue) AND d.closed_at IS NOT NULL
            AND \(consent) AND d.overall_score IS NOT NULL AND e.overall_score IS NOT NULL GROUP BY 1
            """).all() {
            let y = try row.decode(column: "y", as: Int.self)
            tallies[y, default: DiagnosticTally()].followUpsCounted = try row.decode(column: "n", as: Int.self)
            tallies[y, default: DiagnosticTally()].changeSum = try row.decode(column: "change", as: Double.self)
            tallies[y, default: DiagnosticTally()].improved = try row.decode(column: "improved", as: Int.self)
        }

        var levels: [Int: [MaturityLevel: Int]] = [:]
        for row in try await db.sql.raw("SELECT \(year) AS y, d.level, COUNT(*) AS n \(scope) AND \(consent) AND d.level IS NOT NULL GROUP BY 1, 2").all() {
            guard let level = MaturityLevel(rawValue: try row.decode(column: "level", as: String.self)) else { continue }
            levels[try row.decode(column: "y", as: Int.self), default: [:]][level] = try row.decode(column: "n", as: Int.self)
        }

        var places: [Int: [DiagnosticFigures.Place]] = [:]
        for row in try await db.sql.raw("SELECT \(year) AS y, r.commune, r.activity, COUNT(*) AS n \(scope) AND \(consent) GROUP BY 1, 2, 3").all() {
            let activity = BusinessActivity(rawValue: try row.decode(column: "activity", as: String.self)) ?? .other
            places[try row.decode(column: "y", as: Int.self), default: []].append(
                .init(commune: try row.decode(column: "commune", as: String.self), activity: activity, count: try row.decode(column: "n", as: Int.self)))
        }
        return DiagnosticFigures(first: first, tallies: tallies, levels: levels, places: places)
    }

    /// The diagnostics of the organisation closed in `from..<to` and by `now`: the programme
    /// indicator « Diagnostics réalisés » (`IndicatorSource.closedDiagnostics`).
    static func closedCount(_ db: any Database, organisationID: UUID, from: Date, to: Date, now: Date) async throws -> Int {
        try await Diagnostic.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$status == .closed)
            .filter(\.$closedAt >= from).filter(\.$closedAt < to).filter(\.$closedAt <= now).count()
    }

    /// Nouméa's year of `d.closed_at`, for closings between the years `from` and `to`.
    static func yearCase(from: Int, to: Int) -> SQLQueryString {
        guard from < to else { return "\(literal: from)" }
        let branches = (from..<to).map { y -> SQLQueryString in "WHEN d.closed_at < \(bind: FrenchDate.make(y + 1, 1, 1)) THEN \(literal: y) " }.joined()
        return "(CASE \(branches)ELSE \(literal: to) END)"
    }
}
