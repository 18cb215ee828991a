import Foundation

/// Small validators shared by forms, the CSV import and the API. Messages are French.
public enum FieldCheck {
    /// Checks a headcount as typed, normalised in place (« 007 » → « 7 »); the French reason it
    /// is refused, or nil.
    public static func checkHeadcount(_ text: inout String) -> String? {
        if text.isEmpty { return "L'effectif est obligatoire (0 si aucun salarié)." }
        guard let n = Int(text), (0...100_000).contains(n) else { return "L'effectif doit être un nombre entier entre 0 et 100 000." }
        text = String(n)
        return nil
    }

    /// Whether `text` holds control or invisible format characters (tabs, newlines, NUL, bidi
    /// overrides, zero-width spaces): refused in names and flags.
    public static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }
    }

    /// The first character no text field accepts, whatever the field: a control character other
    /// than tab, line feed and carriage return (NUL, escape, DEL…), or a bidirectional embedding,
    /// override or isolate (U+202A–U+202E, U+2066–U+2069), which reorder what is shown. Checked
    /// once for every form at the boundary (`FormTextGuard`); nil when the text is clean.
    public static func forbiddenCharacter(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: false
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
    }

    /// « U+0000 »
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    public static func trimmed(_ text: String?) -> String {
        (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public static func isEmail(_ text: String) -> Bool {
        guard text.count <= 254, !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return true
    }

    public static func isWebURL(_ text: String) -> Bool {
        guard text.count <= 300, let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, host.contains(".") else { return false }
        return true
    }

    public static func isPhone(_ text: String) -> Bool {
        let digits = text.filter(\.isNumber)
        return (6...15).contains(digits.count) && text.count <= 25
            && text.allSatisfy { $0.isNumber || " .+-()".contains($0) }
    }

    /// Reads a yes/no cell: "oui", "o", "1", "x", "true", "yes" → true; "", "non", "0" → false.
    public static func flag(_ text: String) -> Bool? {
        switch TextFolding.fold(text) {
        case "oui", "o", "1", "x", "true", "yes", "y", "vrai": true
        case "", "non", "n", "0", "false", "no", "faux": false
        default: nil
        }
    }
}
