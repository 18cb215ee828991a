import Crypto
import Fluent
import SQLKit
import Foundation
import GrappeDomain

/// Storing a challenge's attachments (all of an upload or none) and deciding who may download one.
enum CTFFileService {
    static func store(_ files: [(name: String, data: Data)], challenge c: CTFChallenge, on db: any Database) async throws -> [CTFFile] {
        try await db.transaction { db in
            var saved: [CTFFile] = []
            for (name, data) in files {
                let f = CTFFile()
                f.$challenge.id = try c.requireID()
                f.filename = name
                f.content = data
                f.size = data.count
                f.sha256 = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
                try await f.create(on: db)
                saved.append(f)
            }
            return saved
        }
    }

    /// The files of a challenge, without their content.
    static func list(_ db: any Database, challengeID: Int) async throws -> [(id: Int, filename: String, size: Int)] {
        try await db.sql.raw("SELECT id, filename, size FROM ctf_files WHERE challenge_id = \(bind: challengeID) ORDER BY id").all().map {
            (try $0.decode(column: "id", as: Int.self), try $0.decode(column: "filename", as: String.self), try $0.decode(column: "size", as: Int.self))
        }
    }
}
