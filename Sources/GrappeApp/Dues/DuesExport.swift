import Fluent
import GrappeDomain

/// A year's dues as CSV (UTF-8 with BOM, `;`), for the treasurer's spreadsheet.
enum DuesExport {
    static let header = ["numero", "entreprise", "categorie", "montant", "regle", "reste_du", "echeance", "relances"]

    static func csv(_ db: any Database, organisationID: UUID, year: Int) async throws -> String {
        let dues = try await DueQueries.list(db, organisationID: organisationID, year: year, state: nil, limit: nil, order: "d.sequence ASC")
        return CSVTable.write(header: header, rows: dues.map {
            [$0.number, $0.companyName, $0.category.label, String($0.amount), String($0.paid), String($0.balance),
             FrenchDate.iso($0.dueOn), String($0.reminderCount)]
        })
    }
}
