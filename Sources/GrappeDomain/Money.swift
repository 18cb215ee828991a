import Foundation
/// Amounts in XPF: whole francs, shown with a narrow no-break space as thousands separator.
public enum Money {
    public static let thinSpace = "\u{202F}"

    /// 60000 → "60 000 XPF" (with U+202F between groups and a no-break space before the unit).
    public static func xpf(_ amount: Int) -> String {
        grouped(amount) + "\u{00A0}XPF"
    }

    public static func grouped(_ amount: Int) -> String {
        let digits = String(amount.magnitude)
        var out = ""
        for (index, char) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += thinSpace }
            out.append(char)
        }
        return (amount < 0 ? "-" : "") + out
    }

    /// Reads "60 000", "60000", "60 000 XPF", "1.250.000" as typed in a form; nil for anything
    /// else. XPF has no decimals: a comma is refused, and a dot is read only as a thousands
    /// separator before groups of exactly three digits (« 1.5 » and « 12.50 » are refused, not
    /// read as 15 or 1 250).
    public static func parse(_ text: String) -> Int? {
        var cleaned = text.replacingOccurrences(of: "XPF", with: "", options: .caseInsensitive)
        for separator in [" ", "\u{00A0}", thinSpace] {
            cleaned = cleaned.replacingOccurrences(of: separator, with: "")
        }
        if cleaned.contains(".") {
            let groups = cleaned.split(separator: ".", omittingEmptySubsequences: false)
            guard groups.first?.last?.isNumber == true, groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isNumber) }) else { return nil }
            cleaned = cleaned.replacingOccurrences(of: ".", with: "")
        }
        guard !cleaned.isEmpty, cleaned.count <= 12 else { return nil }
        return Int(cleaned)
    }

    /// Why a typed amount cannot be read, in French; nil when `parse` reads it.
    public static func problem(_ text: String) -> String? {
        guard parse(text) == nil else { return nil }
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return "Saisissez un montant en francs (ex. 60 000)." }
        if text.contains(",") || text.contains(".") {
            return "Le franc Pacifique n'a pas de centimes : saisissez un montant entier, sans virgule ni point décimal (ex. 60 000)."
        }
        return "Montant invalide : un nombre entier de francs (ex. 60 000)."
    }
}
