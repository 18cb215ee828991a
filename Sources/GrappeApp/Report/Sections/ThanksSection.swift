import Foundation

/// « Merci à tous » — a closing word, printed when one has been written.
struct ThanksSection: ReportSection {
    func parts(_ ctx: ReportContext) async throws -> [ReportPart] {
        guard let text = try await ReportQueries.text(ctx.db, organisationID: ctx.organisationID, year: ctx.year, kind: .thanks) else { return [] }
        return [ReportPart(id: "merci", title: "Merci à tous", body: ReportUI.prose(text.body))]
    }
}
