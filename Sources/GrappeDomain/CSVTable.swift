import Foundation
/// Reads and writes CSV as French spreadsheets produce it: `;` or `,` separated, quoted fields,
/// optional UTF-8 byte-order mark.
public enum CSVTable {
    /// Parses text into rows of fields. The separator is `separator` when given, else the first
    /// of `;` or `,` found on the header line outside quotes.
    public static func parse(_ text: String, separator given: Character? = nil) -> [[String]] {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        let separator = given ?? detectSeparator(body)
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var iterator = body.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let char = next() {
            if inQuotes {
                if char == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { inQuotes = false; pending = following }
                    } else { inQuotes = false }
                } else {
                    field.append(char)
                }
                continue
            }
            switch char {
            case "\"" where field.isEmpty: inQuotes = true
            case separator: row.append(field); field = ""
            case "\n", "\r\n", "\r":
                row.append(field); field = ""
                rows.append(row); row = []
            default: field.append(char)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows.filter { !($0.count == 1 && $0[0].trimmingCharacters(in: .whitespaces).isEmpty) }.map { $0.map(unwrapText) }
    }

    static func detectSeparator(_ text: Substring) -> Character {
        var inQuotes = false
        for char in text {
            if char == "\"" { inQuotes.toggle() }
            if inQuotes { continue }
            if char == ";" { return ";" }
            if char == "," { return "," }
            if char == "\n" || char == "\r\n" { break }
        }
        return ";"
    }

    /// Writes rows for French Excel: BOM, `;` separator, CRLF line ends, quoting where needed.
    /// Fields starting with `=`, `+`, `-` or `@` are prefixed with a quote so that a spreadsheet
    /// never runs them as formulas. The columns named in `keepAsText` (phone numbers, RIDET) are
    /// written as `="27.11.22"`, which spreadsheets show as the text itself instead of turning it
    /// into a date or a number; `parse` reads such a cell back as its text.
    public static func write(header: [String], rows: [[String]], keepAsText: Set<String> = []) -> String {
        let textColumns = Set(header.indices.filter { keepAsText.contains(header[$0]) })
        var out = "\u{FEFF}"
        out += header.map(escape).joined(separator: ";") + "\r\n"
        for line in rows {
            out += line.enumerated().map { textColumns.contains($0.offset) ? asText($0.element) : escape($0.element) }.joined(separator: ";") + "\r\n"
        }
        return out
    }

    /// `="value"` as one quoted CSV field; an empty value stays empty.
    static func asText(_ raw: String) -> String {
        guard !raw.isEmpty else { return "" }
        let formula = "=\"" + raw.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        return "\"" + formula.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A cell written by `asText` (or typed so in a spreadsheet), read back as its text.
    static func unwrapText(_ cell: String) -> String {
        guard cell.hasPrefix("=\""), cell.hasSuffix("\""), cell.count >= 3 else { return cell }
        return String(cell.dropFirst(2).dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }

    static func escape(_ raw: String) -> String {
        var value = raw
        if let first = value.first, "=+-@".contains(first), Int(value) == nil { value = "'" + value }
        if value.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
