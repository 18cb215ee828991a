import Foundation
/// Reads and writes CSV as French spreadsheets produce it: `;` or `,` separated, quoted fields,
/// optional UTF-8 byte-order mark.
public enum CSVTable {
    /// Parses text into rows of fields. The separator is the first of `;` or `,` found on the
    /// header line outside quotes.
    public static func parse(_ text: String) -> [[String]] {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        let separator = detectSeparator(body)
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
        return rows.filter { !($0.count == 1 && $0[0].trimmingCharacters(in: .whitespaces).isEmpty) }
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
    /// never runs them as formulas.
    public static func write(header: [String], rows: [[String]]) -> String {
        var out = "\u{FEFF}"
        for line in [header] + rows {
            out += line.map(escape).joined(separator: ";") + "\r\n"
        }
        return out
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
