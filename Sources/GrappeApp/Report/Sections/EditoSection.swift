import Foundation

/// « Édito » — the president's word, written in Grappe for the year.
struct EditoSection: ReportSection {
    func parts(_ ctx: ReportContext) async throws -> [ReportPart] {
        let text = try await ReportQueries.text(ctx.db, organisationID: ctx.organisationID, year: ctx.year, kind: .edito)
        let body = text.map { ReportUI.prose($0.body) } ?? ReportUI.missing("L'édito \(ctx.year) n'a pas encore été rédigé.")
        return [ReportPart(id: "edito", title: "Édito", body: body)]
    }
}
