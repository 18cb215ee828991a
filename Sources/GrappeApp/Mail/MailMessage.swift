import Foundation

/// An email ready for the wire: headers and a UTF-8 plain-text body (quoted-printable), with an
/// iCalendar invitation as a second part (multipart/mixed) when there is one.
struct MailMessage: Sendable {
    var from: String
    var to: String
    var subject: String
    var body: String
    var extraHeaders: [(String, String)] = []
    var calendar: String? = nil
    var date = Date()
    var messageID = "<\(UUID().uuidString.lowercased())@grappe>"

    /// The bare address of a "Name <address>" header value.
    static func address(_ header: String) -> String {
        if let open = header.lastIndex(of: "<"), let close = header.lastIndex(of: ">"), open < close {
            return String(header[header.index(after: open)..<close])
        }
        return header.trimmingCharacters(in: .whitespaces)
    }

    /// RFC 2047 encoded-word for non-ASCII header text.
    static func encodeHeader(_ text: String) -> String {
        let clean = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        if clean.allSatisfy({ $0.isASCII }) { return clean }
        return "=?UTF-8?B?" + Data(clean.utf8).base64EncodedString() + "?="
    }

    static func quotedPrintable(_ text: String) -> String {
        var lines: [String] = []
        for line in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            var out = ""
            var length = 0
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let piece: String
                if (byte >= 33 && byte <= 126 && byte != 61) || (byte == 32 && !isLast) {
                    piece = String(UnicodeScalar(byte))
                } else {
                    piece = String(format: "=%02X", byte)
                }
                if length + piece.count > 75 { out += "=\r\n"; length = 0 }
                out += piece
                length += piece.count
            }
            lines.append(out)
        }
        return lines.joined(separator: "\r\n")
    }

    static let rfc2822: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Pacific/Noumea")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return f
    }()

    /// The DATA payload, dot-stuffed, without the final "." line.
    var wireFormat: String {
        unstuffedFormat.split(separator: "\r\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
    }

    /// Headers and body with CRLF line ends, as a sendmail binary reads them.
    var unstuffedFormat: String {
        var headers = [
            ("From", Self.encodeHeaderAddress(from)),
            ("To", Self.encodeHeaderAddress(to)),
            ("Subject", Self.encodeHeader(subject)),
            ("Date", Self.rfc2822.string(from: date)),
            ("Message-ID", messageID),
            ("MIME-Version", "1.0"),
        ]
        let boundary = "grappe-" + messageID.filter { $0.isLetter || $0.isNumber }
        if calendar != nil {
            headers.append(("Content-Type", "multipart/mixed; boundary=\"\(boundary)\""))
        } else {
            headers += [("Content-Type", "text/plain; charset=utf-8"), ("Content-Transfer-Encoding", "quoted-printable")]
        }
        headers += extraHeaders.map { ($0.0, $0.1.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: "")) }
        let head = headers.map { "\($0.0): \($0.1)" }.joined(separator: "\r\n")
        guard let calendar else { return head + "\r\n\r\n" + Self.quotedPrintable(body) }
        let method = calendar.split(separator: "\r\n").first { $0.hasPrefix("METHOD:") }.map { $0.dropFirst(7) } ?? "PUBLISH"
        let encoded = Data(calendar.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return head + "\r\n\r\n" + [
            "--\(boundary)", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "", Self.quotedPrintable(body),
            "--\(boundary)", "Content-Type: text/calendar; charset=utf-8; method=\(method)", "Content-Transfer-Encoding: base64",
            "Content-Disposition: attachment; filename=\"invitation.ics\"", "", encoded, "--\(boundary)--",
        ].joined(separator: "\r\n")
    }

    static func encodeHeaderAddress(_ value: String) -> String {
        let address = address(value)
        guard let open = value.lastIndex(of: "<") else { return address }
        let name = value[..<open].trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? "<\(address)>" : "\(encodeHeader(name)) <\(address)>"
    }
}
