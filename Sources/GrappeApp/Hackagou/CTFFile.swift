import Fluent
import Foundation
import GrappeDomain

/// An attachment of a challenge, kept in the database (it travels with the backups) and served
/// as a download, never inline.
final class CTFFile: Model, @unchecked Sendable {
    static let schema = "ctf_files"
    /// The largest attachment accepted.
    static let maxBytes = AttachmentCheck.maxBytes

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "challenge_id") var challenge: CTFChallenge
    @Field(key: "filename") var filename: String
    @Field(key: "content") var content: Data
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// A name safe to send back in a header: the last path component, printable ASCII letters,
    /// digits, dots, dashes and underscores only.
    static func safeName(_ name: String) -> String {
        let last = name.split(separator: "/").last.map(String.init) ?? name
        let kept = last.unicodeScalars.map { s -> Character in
            (s.isASCII && (CharacterSet.alphanumerics.contains(s) || ".-_".unicodeScalars.contains(s))) ? Character(s) : "_"
        }
        let trimmed = String(kept).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return trimmed.isEmpty ? "fichier" : String(trimmed.prefix(120))
    }
}
