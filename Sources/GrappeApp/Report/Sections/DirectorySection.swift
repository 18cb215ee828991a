import Foundation
import GrappeDomain
import SQLKit

/// « La cartographie des acteurs du numérique » — the public directory as it stands: how many
/// professionals it lists, how many are members, how many profiles were checked during the year.
struct DirectorySection: ReportSection {
    func parts(_ ctx: ReportContext) async throws -> [ReportPart] {
        let (from, to) = FrenchDate.yearBounds(ctx.year)
        let row = try await ctx.db.sql.raw("""
        SELECT COUNT(*) AS listed,
        CAST(SUM(CASE WHEN c.verified_at >= \(bind: from) AND c.verified_at < \(bind: to) THEN 1 ELSE 0 END) AS BIGINT) AS checked,
        CAST(SUM(CASE WHEN c.id IN (SELECT ms.company_id FROM memberships ms WHERE ms.year = \(bind: ctx.year) AND ms.status = 'active') THEN 1 ELSE 0 END) AS BIGINT) AS members
        FROM companies c WHERE c.organisation_id = \(bind: ctx.organisationID) AND c.public_profile = \(bind: true)
        """).first()
        let listed = try row?.decode(column: "listed", as: Int.self) ?? 0
        guard listed > 0 else { return [] }
        let checked = try row?.decode(column: "checked", as: Int?.self) ?? 0, members = try row?.decode(column: "members", as: Int?.self) ?? 0
        let body: HTML = """
        <p>L'annuaire public répertorie les professionnels du numérique du territoire, adhérents ou non ; chacun y figure avec son accord et peut demander une correction ou son retrait.</p>
        <div class="keys">
        \(ReportUI.figure("professionnels dans l'annuaire", value: ReportFigure.text(listed), yoy: nil))
        \(ReportUI.figure("dont adhérents \(ctx.year)", value: ReportFigure.text(members), yoy: nil))
        \(ReportUI.figure("fiches vérifiées en \(ctx.year)", value: ReportFigure.text(checked), yoy: nil))
        </div>
        """
        return [ReportPart(id: "annuaire", title: "La cartographie des acteurs du numérique", body: body)]
    }
}
