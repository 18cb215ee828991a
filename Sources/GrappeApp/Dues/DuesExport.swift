import Foundation
import Fluent
import GrappeDomain

/// A year's dues as CSV (UTF-8 with BOM, `;`), for the treasurer's spreadsheet.
enum DuesExport {
    static let header = ["numero", "entreprise", "categorie", "montant", "regle", "reste_du", "echeance", "relances"]

    static func csv(_ db: any Database, organisationID: UUID, year: Int) async throws -> String {
        let dues = try await DueQueries.list(db, organisationID: organisationID, year: year, state: nil, limit: nil, order: "d.sequence ASC")
        return CSVTable.write(header: header, rows: dues.map(line))
    }

    static func line(_ d: DueSummary) -> [String] {
        let amounts: [String] = [String(d.amount), String(d.paid), String(d.balance)]
        return [d.number, d.companyName, d.category.label] + amounts + [FrenchDate.iso(d.dueOn), String(d.reminderCount)]
    }
}
