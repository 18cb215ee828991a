import Foundation
import GrappeDomain
import Vapor

/// The pledge's equipment as rows of the form — type (select), quantity (number), model (text),
/// named `type_0`, `quantity_0`, `model_0`… with `rows` their number — instead of lines typed
/// by hand. « Ajouter une ligne » (`step=addRow`) sends the form back to be drawn with one more
/// row, what was typed kept: no JavaScript needed.
enum PledgeRows {
    static let maxRows = 30

    /// The number of rows the form had (1 at least, `maxRows` at most).
    static func count(_ req: Request) -> Int {
        min(max(Int(req.content[String.self, at: "rows"] ?? "") ?? 1, 1), maxRows)
    }

    /// Whether the donor asked for one more row rather than to save.
    static func wantsRow(_ req: Request) -> Bool { req.content[String.self, at: "step"] == "addRow" }

    /// The rows' typed values, and `rows`.
    static func values(_ req: Request, rows: Int) -> [String: String] {
        var out = ["rows": String(rows)]
        for i in 0..<rows {
            for name in ["type", "quantity", "model"] { out["\(name)_\(i)"] = FieldCheck.trimmed(req.content[String.self, at: "\(name)_\(i)"]) }
        }
        return out
    }

    /// The rows as `CollectService.lines` reads them (« type ; quantité ; modèle », one per
    /// row; empty rows give empty lines, skipped there, so that « Ligne 2 » is the second row;
    /// an empty quantity counts one).
    static func text(_ form: FormState) -> String {
        let rows = Int(form["rows"]) ?? 1
        return (0..<rows).map { i in
            let parts = [form["type_\(i)"], form["quantity_\(i)"], form["model_\(i)"]]
            guard !parts.allSatisfy(\.isEmpty) else { return "" }
            // A type without a quantity counts one, as a line « type » did.
            return [parts[0], parts[1].isEmpty ? "1" : parts[1], parts[2]].joined(separator: " ; ")
        }.joined(separator: "\n")
    }
}
