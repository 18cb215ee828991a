import Foundation

/// Reads a bank statement in CFONB 120, the French banks' fixed-width format (120 characters a
/// record): `01` opening balance, `04` a movement, `05` a complement to the movement above
/// (its text is added to the label), `07` closing balance. A movement's amount (positions 91–104)
/// has the record's number of decimals (position 20: 0 for XPF) and its last character gives
/// both the sign and the last digit: `{` and `A`–`I` for +0…+9, `}` and `J`–`R` for −0…−9.
public enum CFONB120 {
    public struct Statement: Equatable, Sendable {
        public let account: String
        public let currency: String
        public let openingBalance: Int?
        public let closingBalance: Int?
        public let lines: [StatementLine]
    }

    public static func parse(_ text: String) throws(StatementProblem) -> Statement {
        let records = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard !records.isEmpty else { throw StatementProblem("Le relevé est vide.") }
        var account = ""
        var currency = ""
        var opening: Int?
        var closing: Int?
        var raw: [(date: Date, amount: Int, label: String, reference: String)] = []
        for (index, record) in records.enumerated() {
            let number = index + 1
            let chars = Array(record)
            let code = String(chars.prefix(2))
            guard chars.count <= 120, chars.count >= 104 || code == "05" else {
                throw StatementProblem("Ligne \(number) : un relevé CFONB 120 a des lignes de 120 caractères (\(chars.count) ici). Est-ce bien le bon format ?")
            }
            func field(_ from: Int, _ to: Int) -> String {
                guard from - 1 < chars.count else { return "" }
                return String(chars[(from - 1)..<min(to, chars.count)])
            }
            switch code {
            case "01", "04", "07":
                let decimals = Int(field(20, 20)) ?? -1
                guard (0...3).contains(decimals) else { throw StatementProblem("Ligne \(number) : nombre de décimales illisible (« \(field(20, 20)) »).") }
                guard let amount = signedAmount(field(91, 104), decimals: decimals) else {
                    throw StatementProblem("Ligne \(number) : montant illisible (« \(field(91, 104)) »).")
                }
                guard let whole = amount.whole else {
                    throw StatementProblem("Ligne \(number) : montant avec centimes (\(field(17, 19))) : le relevé doit être en francs Pacifique.")
                }
                if account.isEmpty { account = field(3, 7) + field(12, 16) + field(22, 32) }
                if currency.isEmpty { currency = field(17, 19).trimmingCharacters(in: .whitespaces) }
                guard let date = date(field(35, 40)) else { throw StatementProblem("Ligne \(number) : date illisible (« \(field(35, 40)) »).") }
                if code == "01" { opening = opening ?? whole }
                if code == "07" { closing = whole }
                if code == "04" {
                    raw.append((date, whole, field(49, 79).trimmingCharacters(in: .whitespaces), field(105, 120).trimmingCharacters(in: .whitespaces)))
                }
            case "05":
                guard let last = raw.popLast() else { throw StatementProblem("Ligne \(number) : complément (05) sans mouvement (04) avant lui.") }
                let more = field(49, 118).trimmingCharacters(in: .whitespaces)
                raw.append((last.date, last.amount, more.isEmpty ? last.label : last.label + " " + more, last.reference))
            default:
                throw StatementProblem("Ligne \(number) : code d'enregistrement « \(code) » inconnu (attendu 01, 04, 05 ou 07). Est-ce bien un relevé CFONB 120 ?")
            }
        }
        guard currency.isEmpty || currency == "XPF" else {
            throw StatementProblem("Le relevé est en \(currency) : seuls les relevés en francs Pacifique (XPF) sont rapprochés des cotisations.")
        }
        return Statement(account: account, currency: currency, openingBalance: opening, closingBalance: closing,
                         lines: StatementLine.fingerprinted(account: account, raw))
    }

    /// The amount of a 14-character zone, in units of 10^-decimals, and whole when it has no
    /// fractional part.
    static func signedAmount(_ zone: String, decimals: Int) -> (units: Int, whole: Int?)? {
        let chars = Array(zone.trimmingCharacters(in: .whitespaces))
        guard let last = chars.last, chars.dropLast().allSatisfy(\.isNumber), chars.count <= 14 else { return nil }
        let positive = Array("{ABCDEFGHI"), negative = Array("}JKLMNOPQR")
        var digit: Int, sign = 1
        if let d = positive.firstIndex(of: last) { digit = d } else if let d = negative.firstIndex(of: last) { digit = d; sign = -1 }
        else if let d = last.wholeNumberValue { digit = d } else { return nil }
        guard let head = Int(String(chars.dropLast()).isEmpty ? "0" : String(chars.dropLast())) else { return nil }
        let units = sign * (head * 10 + digit)
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        return (units, units % scale == 0 ? units / scale : nil)
    }

    /// JJMMAA as midnight in Nouméa (years 00–79 are 20xx).
    static func date(_ text: String) -> Date? {
        guard text.count == 6, let day = Int(text.prefix(2)), let month = Int(text.dropFirst(2).prefix(2)), let year = Int(text.suffix(2)) else { return nil }
        return FrenchDate.parse(String(format: "%04d-%02d-%02d", year < 80 ? 2000 + year : 1900 + year, month, day))
    }
}
