/// Decodes an uploaded text file: UTF-8 (with or without BOM), else Windows-1252, the encoding
/// French Excel saves « CSV (séparateur : point-virgule) » in. A file with NUL bytes or with a
/// byte Windows-1252 leaves undefined is not text. Written by hand: Foundation's Windows-1252
/// support differs between platforms, and the table is short.
public enum TextDecoding {
    public enum Encoding: Sendable, Equatable {
        case utf8, windows1252
    }

    public static func decode(_ bytes: [UInt8]) -> (text: String, encoding: Encoding)? {
        guard !bytes.contains(0) else { return nil }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if (0x80...0x9F).contains(byte) {
                guard let mapped = windows1252[Int(byte - 0x80)], let scalar = Unicode.Scalar(mapped) else { return nil }
                scalars.append(scalar)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return (String(scalars), .windows1252)
    }

    /// 0x80–0x9F in Windows-1252 (nil: undefined); the other bytes are Latin-1's.
    public static let windows1252: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]

    /// What the import's preview says when the file was converted.
    public static let convertedNote = "Le fichier était enregistré en Windows-1252 (l'encodage par défaut d'Excel) : il a été converti en UTF-8. Vérifiez les accents ci-dessous avant d'importer."
}
