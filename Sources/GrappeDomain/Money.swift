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

    /// Reads "60 000", "60000", "60 000 XPF" as typed in a form; nil for anything else.
    public static func parse(_ text: String) -> Int? {
        var cleaned = text.replacingOccurrences(of: "XPF", with: "", options: .caseInsensitive)
        for separator in [" ", "\u{00A0}", thinSpace, "."] {
            cleaned = cleaned.replacingOccurrences(of: separator, with: "")
        }
        guard !cleaned.isEmpty, cleaned.count <= 12 else { return nil }
        return Int(cleaned)
    }
}
