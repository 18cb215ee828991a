import Foundation

/// How one bank's CSV export reads (saved per bank under a name): which column holds the date,
/// the amount (one signed column, or a debit and a credit column), the label and the
/// reference, the separator and the decimal mark. Columns are named by their header.
public struct StatementCSVMapping: Codable, Equatable, Sendable {
    public var separator: String
    /// `,` or `.`: the decimal mark of the amounts (XPF amounts have none, but banks often
    /// write `12 000,00`).
    public var decimalMark: String
    public var dateColumn: String
    public var amountColumn: String
    public var debitColumn: String
    public var creditColumn: String
    public var labelColumn: String
    public var referenceColumn: String

    public init(separator: String = ";", decimalMark: String = ",", dateColumn: String, amountColumn: String = "",
                debitColumn: String = "", creditColumn: String = "", labelColumn: String, referenceColumn: String = "") {
        self.separator = separator
        self.decimalMark = decimalMark
        self.dateColumn = dateColumn
        self.amountColumn = amountColumn
        self.debitColumn = debitColumn
        self.creditColumn = creditColumn
        self.labelColumn = labelColumn
        self.referenceColumn = referenceColumn
    }

    public static let separators = [";", ",", "\t"]
    public static let decimalMarks = [",", "."]

    /// Why the mapping itself cannot work, in French, per field; empty when it can.
    public var problems: [String: String] {
        var problems: [String: String] = [:]
        if !Self.separators.contains(separator) { problems["separator"] = "Séparateur inconnu." }
        if !Self.decimalMarks.contains(decimalMark) { problems["decimalMark"] = "Séparateur décimal inconnu." }
        if dateColumn.isEmpty { problems["dateColumn"] = "Indiquez la colonne de la date." }
        if labelColumn.isEmpty { problems["labelColumn"] = "Indiquez la colonne du libellé." }
        if amountColumn.isEmpty && (debitColumn.isEmpty || creditColumn.isEmpty) {
            problems["amountColumn"] = "Indiquez la colonne du montant, ou celles du débit et du crédit."
        }
        return problems
    }
}

/// Reads a bank's CSV export with its mapping.
public enum StatementCSV {
    public static func parse(_ text: String, mapping: StatementCSVMapping, account: String) throws(StatementProblem) -> [StatementLine] {
        let rows = CSVTable.parse(text, separator: Character(mapping.separator))
        guard let header = rows.first else { throw StatementProblem("Le fichier est vide.") }
        let names = header.map { TextFolding.fold($0) }
        func column(_ name: String, _ label: String) throws(StatementProblem) -> Int? {
            guard !name.isEmpty else { return nil }
            guard let index = names.firstIndex(of: TextFolding.fold(name)) else {
                throw StatementProblem("Colonne « \(name) » (\(label)) absente de l'en-tête : \(header.joined(separator: ", ")).")
            }
            return index
        }
        let dateIndex = try column(mapping.dateColumn, "date")
        let labelIndex = try column(mapping.labelColumn, "libellé")
        let amountIndex = try column(mapping.amountColumn, "montant")
        let debitIndex = try column(mapping.debitColumn, "débit")
        let creditIndex = try column(mapping.creditColumn, "crédit")
        let referenceIndex = try column(mapping.referenceColumn, "référence")
        var raw: [(date: Date, amount: Int, label: String, reference: String)] = []
        for (offset, row) in rows.dropFirst().enumerated() {
            let number = offset + 2
            func cell(_ index: Int?) -> String {
                guard let index, index < row.count else { return "" }
                return row[index].trimmingCharacters(in: .whitespaces)
            }
            guard let date = FrenchDate.parse(cell(dateIndex)) ?? shortYearDate(cell(dateIndex)) else {
                throw StatementProblem("Ligne \(number) : date illisible (« \(cell(dateIndex)) »).")
            }
            let amount: Int
            if amountIndex != nil {
                guard let value = Self.amount(cell(amountIndex), decimalMark: mapping.decimalMark) else {
                    throw StatementProblem("Ligne \(number) : montant illisible (« \(cell(amountIndex)) »).")
                }
                amount = value
            } else {
                let debit = cell(debitIndex), credit = cell(creditIndex)
                guard let d = debit.isEmpty ? 0 : Self.amount(debit, decimalMark: mapping.decimalMark),
                      let c = credit.isEmpty ? 0 : Self.amount(credit, decimalMark: mapping.decimalMark) else {
                    throw StatementProblem("Ligne \(number) : montant illisible (débit « \(debit) », crédit « \(credit) »).")
                }
                amount = abs(c) - abs(d)
            }
            raw.append((date, amount, cell(labelIndex), cell(referenceIndex)))
        }
        return StatementLine.fingerprinted(account: account, raw)
    }

    /// A bank amount in XPF: `-12 000,00`, `12000`, `1 250 000.00`; nil when it has a
    /// non-zero fractional part or is not a number.
    public static func amount(_ text: String, decimalMark: String) -> Int? {
        var cleaned = text.replacingOccurrences(of: "XPF", with: "", options: .caseInsensitive)
        for space in [" ", "\u{00A0}", "\u{202F}", "+"] { cleaned = cleaned.replacingOccurrences(of: space, with: "") }
        let thousands = decimalMark == "," ? "." : ","
        cleaned = cleaned.replacingOccurrences(of: thousands, with: "")
        let parts = cleaned.split(separator: Character(decimalMark), omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int(parts[0]) else { return nil }
        if parts.count == 2 {
            guard parts[1].allSatisfy(\.isNumber), parts[1].allSatisfy({ $0 == "0" }) else { return nil }
        }
        return whole
    }

    /// 12/06/25 as 2025-06-12.
    static func shortYearDate(_ text: String) -> Date? {
        let parts = text.split(separator: "/")
        guard parts.count == 3, parts[2].count == 2, let year = Int(parts[2]) else { return nil }
        return FrenchDate.parse("\(parts[0])/\(parts[1])/20\(String(format: "%02d", year))")
    }
}
