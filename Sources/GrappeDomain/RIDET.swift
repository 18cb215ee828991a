import Foundation
/// New Caledonia's business identifier: a 7-digit company number (RID), optionally followed by
/// a 3-digit establishment number (ET), written `1234567.001`.
public enum RIDET {
    /// Normalises "1 234 567.001", "1234567001" or "123456" to `1234567.001` / `0123456`;
    /// nil when the text is not a RIDET.
    public static func normalize(_ text: String) -> String? {
        let compact = text.filter { !$0.isWhitespace && $0 != "." && $0 != "\u{00A0}" && $0 != "\u{202F}" }
        guard !compact.isEmpty, compact.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        switch compact.count {
        case 6, 7:
            return String(repeating: "0", count: 7 - compact.count) + compact
        case 9, 10:
            let padded = String(repeating: "0", count: 10 - compact.count) + compact
            return String(padded.prefix(7)) + "." + String(padded.suffix(3))
        default:
            return nil
        }
    }
}
