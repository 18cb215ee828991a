import Foundation

/// Checks that an uploaded CV really is a PDF, from its content (never from its name).
public enum PDFCheck {
    public static let maxBytes = 5 * 1024 * 1024
    /// The PDF spec tolerates some junk before `%PDF-`; we accept up to this many bytes.
    public static let headerWindow = 1024
    /// `%%EOF` must appear within the last this many bytes.
    public static let trailerWindow = 1024

    private static let header = Array("%PDF-".utf8)
    private static let trailer = Array("%%EOF".utf8)

    /// nil when the bytes look like a complete PDF, else a French message for the form.
    public static func problem(_ bytes: [UInt8]) -> String? {
        if bytes.isEmpty { return "Le fichier est vide." }
        if bytes.count > maxBytes { return "Le CV dépasse 5 Mo." }
        guard hasHeader(bytes) else { return "Le fichier n'est pas un PDF (contenu non reconnu)." }
        let tail = bytes.suffix(trailerWindow)
        guard find(trailer, in: tail, from: tail.startIndex) != nil else {
            return "Le PDF semble incomplet ou corrompu."
        }
        return nil
    }

    public static func problem(_ data: Data) -> String? {
        problem([UInt8](data))
    }

    /// `%PDF-` starting at offset 0…1024, followed by a version digit.
    static func hasHeader(_ bytes: [UInt8]) -> Bool {
        let window = bytes.prefix(headerWindow + header.count + 1)
        var from = window.startIndex
        while let start = find(header, in: window, from: from), start <= headerWindow {
            let digit = start + header.count
            if digit < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[digit]) { return true }
            from = start + 1
        }
        return false
    }

    static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>, from: Int) -> Int? {
        guard haystack.count >= needle.count, from <= haystack.endIndex - needle.count else { return nil }
        for start in from...(haystack.endIndex - needle.count)
        where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}

/// Checks a challenge's attachment (any kind of file: players download it as is).
public enum AttachmentCheck {
    public static let maxBytes = 20 * 1024 * 1024

    /// nil when the file can be attached, else a French message naming it.
    public static func problem(filename: String, size: Int) -> String? {
        let name = filename.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { return "Choisissez un fichier." }
        if size == 0 { return "« \(name) » est vide." }
        if size > maxBytes { return "« \(name) » dépasse \(FileSize.french(maxBytes)) (\(FileSize.french(size)))." }
        return nil
    }
}

/// A size in bytes as the French UI writes it: `812 octets`, `3,4 Ko`, `20 Mo`.
public enum FileSize {
    public static func french(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) octet\(bytes > 1 ? "s" : "")" }
        let (value, unit) = bytes < 1024 * 1024 ? (Double(bytes) / 1024, "Ko") : (Double(bytes) / 1024 / 1024, "Mo")
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded).replacingOccurrences(of: ".", with: ",")
        return "\(text) \(unit)"
    }
}
