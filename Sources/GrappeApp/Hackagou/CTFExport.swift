import Fluent
import Foundation
import GrappeDomain
import SQLKit
import ZIPFoundation

/// An edition's challenges back in ctfcli's format: each as a `ChallengeSpec` (its
/// prerequisites by name, its attachments by file name), its `challenge.yml`, and the whole
/// edition as a zip of one folder per challenge, which the import takes back as it is.
/// A fixed number of queries, whatever the number of challenges.
enum CTFExport {
    struct Challenge: Sendable {
        let id: Int
        let spec: ChallengeSpec
        /// Filled only when asked (the zip); the names are in `spec.files`.
        let files: [(name: String, data: Data)]
    }

    static func load(_ db: any Database, editionID: Int, challengeID: Int? = nil, withContent: Bool) async throws -> [Challenge] {
        let all = try await CTFChallenge.query(on: db).filter(\.$edition.$id == editionID).sort(\.$position).sort(\.$id).all()
        let names = Dictionary(all.map { ($0.id ?? 0, $0.name) }, uniquingKeysWith: { a, _ in a })
        let chosen = all.filter { challengeID == nil || $0.id == challengeID }
        let ids = chosen.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let flags = Dictionary(grouping: try await CTFFlag.query(on: db).filter(\.$challenge.$id ~~ ids).sort(\.$id).all(), by: { $0.$challenge.id })
        let hints = Dictionary(grouping: try await CTFHint.query(on: db).filter(\.$challenge.$id ~~ ids).sort(\.$position).all(), by: { $0.$challenge.id })
        let tags = Dictionary(grouping: try await CTFTag.query(on: db).filter(\.$challenge.$id ~~ ids).sort(\.$id).all(), by: { $0.$challenge.id })
        let requirements = Dictionary(grouping: try await db.sql.raw("""
            SELECT r.challenge_id, r.requires_id FROM ctf_requirements r JOIN ctf_challenges c ON c.id = r.challenge_id
            WHERE c.edition_id = \(bind: editionID)
            """).all().map { (try $0.decode(column: "challenge_id", as: Int.self), try $0.decode(column: "requires_id", as: Int.self)) }, by: { $0.0 })
        var fileQuery = CTFFile.query(on: db).filter(\.$challenge.$id ~~ ids).sort(\.$id)
        if !withContent { fileQuery = fileQuery.field(\.$id).field(\.$challenge.$id).field(\.$filename) }
        let files = Dictionary(grouping: try await fileQuery.all(), by: { $0.$challenge.id })
        return chosen.map { c in
            let id = c.id ?? 0
            let spec = ChallengeSpec(name: c.name, category: c.category, author: c.author, description: c.about, connectionInfo: c.connectionInfo,
                                     scoring: c.scoring, flags: (flags[id] ?? []).map(\.rule), tags: (tags[id] ?? []).map(\.value),
                                     hints: (hints[id] ?? []).map { .init(content: $0.content, cost: $0.cost) },
                                     requirements: (requirements[id] ?? []).compactMap { names[$0.1] }.sorted(),
                                     files: (files[id] ?? []).map(\.filename), maxAttempts: c.maxAttempts, visible: c.state == .visible)
            return Challenge(id: id, spec: spec, files: withContent ? (files[id] ?? []).map { ($0.filename, $0.content) } : [])
        }
    }

    static func yaml(_ spec: ChallengeSpec) throws -> String {
        "# \(spec.name): exported from Grappe (Hackagou), ctfcli's challenge.yml format.\n" + (try CTFYAML.encode(spec.tree))
    }

    /// One folder per challenge, named after it (`bouteille-a-la-mer/challenge.yml` and its files).
    static func zip(_ challenges: [Challenge]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        var used: Set<String> = []
        for c in challenges {
            var folder = TextFolding.slug(c.spec.name), n = 2
            while used.contains(folder) { folder = "\(TextFolding.slug(c.spec.name))-\(n)"; n += 1 }
            used.insert(folder)
            try add(Data(try yaml(c.spec).utf8), as: "\(folder)/challenge.yml", to: archive)
            for f in c.files { try add(f.data, as: "\(folder)/\(f.name)", to: archive) }
        }
        return archive.data ?? Data()
    }

    private static func add(_ data: Data, as path: String, to archive: Archive) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}
