import Foundation
import GrappeDomain

/// « La charte » — the strategic axes and what members commit to.
struct CharterSection: ReportSection {
    func parts(_ ctx: ReportContext) async throws -> [ReportPart] {
        let axes = StrategicAxis.allCases.map { "<li><strong>\($0.label)</strong> : \($0.purpose)</li>" as HTML }
        let body: HTML = """
        <p>\(ctx.organisation.name) est structuré autour de \(ReportFigure.count(StrategicAxis.allCases.count, "axe stratégique", "axes stratégiques")) :</p>
        <ol class="axes">\(axes)</ol>
        <h3>Les adhérents s'engagent à</h3>
        \(ReportUI.list(Charter.commitments))
        """
        return [ReportPart(id: "charte", title: "La charte", body: body)]
    }
}
