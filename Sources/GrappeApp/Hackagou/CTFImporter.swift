import Fluent
import Foundation
import GrappeDomain

/// Importing challenges into an edition from a `CTFChallengeBundle`: first a plan (every
/// challenge read and checked, its files found, names and prerequisites resolved against the
/// edition and the import itself), then, only when the plan has no problem at all, every
/// challenge created in one transaction through `CTFChallengeRows`.
enum CTFImporter {
    struct Item: Sendable {
        let folder: String
        /// Nil when its `challenge.yml` could not be read.
        let spec: ChallengeSpec?
        var problems: [SpecProblem]
        /// Its attachments as players download them.
        var files: [(name: String, data: Data)]
    }

    struct Plan: Sendable {
        var items: [Item]
        var problems: [SpecProblem] { items.flatMap(\.problems) }
        var isClean: Bool { problems.isEmpty }
    }

    static func plan(_ bundle: CTFChallengeBundle, editionID: Int, on db: any Database) async throws -> Plan {
        let existing = try await CTFChallenge.query(on: db).filter(\.$edition.$id == editionID).all()
        let existingNames = Set(existing.map(\.name))
        var items: [Item] = bundle.folders.map { folder in
            switch CTFYAML.decode(folder.yaml) {
            case .failure(let broken):
                return Item(folder: folder.path, spec: nil, problems: [SpecProblem(folder: folder.path, broken.message)], files: [])
            case .success(let tree):
                let (spec, problems) = ChallengeSpecReader.read(tree, folder: folder.path)
                return Item(folder: folder.path, spec: spec, problems: problems, files: [])
            }
        }
        let importedNames = items.compactMap { $0.spec?.name }
        for i in items.indices {
            guard let spec = items[i].spec else { continue }
            let folder = items[i].folder
            func problem(_ field: String, _ message: String) { items[i].problems.append(SpecProblem(folder: folder, field: field, message)) }
            if existingNames.contains(spec.name) { problem("name", "un défi de cette édition s'appelle déjà « \(spec.name) ».") }
            if importedNames.filter({ $0 == spec.name }).count > 1 { problem("name", "deux défis de l'import s'appellent « \(spec.name) ».") }
            for r in spec.requirements where !existingNames.contains(r) && !importedNames.contains(r) {
                problem("requirements", "prérequis inconnu : « \(r) » n'est ni dans l'édition ni dans l'import.")
            }
            for path in spec.files {
                let full = ArchivePath.join(folder, path)
                switch bundle.entries[full] {
                case .file(let data) where data.isEmpty: problem("files", "« \(path) » est vide.")
                case .file(let data): items[i].files.append((CTFFile.safeName(path), data))
                case .tooBig(let size): problem("files", "« \(path) » dépasse \(FileSize.french(CTFFile.maxBytes)) (\(FileSize.french(size))).")
                case .notAFile: problem("files", "« \(path) » n'est pas un fichier.")
                case nil:
                    problem("files", bundle.isArchive ? "« \(path) » est introuvable dans le zip."
                                                      : "« \(path) » manque : importez un zip qui contient le défi et ses fichiers.")
                }
            }
        }
        return Plan(items: items)
    }

    /// Plans again inside one transaction (names and prerequisites checked against the edition
    /// as it is now) and, when the plan is clean, creates every challenge: all or none. The
    /// prerequisites are linked once all exist (a challenge may require one listed after it).
    /// Returns how many were created, or the plan with its problems.
    static func apply(_ bundle: CTFChallengeBundle, editionID: Int, on db: any Database) async throws -> Result<Int, Refused> {
        try await db.transaction { db -> Result<Int, Refused> in
            // Two imports (or an import and the staff's form) at once cannot both pass the name check.
            try await TransactionLock.acquire("ctf-challenges-\(editionID)", on: db)
            let planned = try await Self.plan(bundle, editionID: editionID, on: db)
            guard planned.isClean else { return .failure(Refused(plan: planned)) }
            let existing = try await CTFChallenge.query(on: db).filter(\.$edition.$id == editionID).all()
            var ids = Dictionary(existing.map { ($0.name, $0.id ?? 0) }, uniquingKeysWith: { a, _ in a })
            var created: [(ChallengeSpec, Int)] = []
            for (i, item) in planned.items.enumerated() {
                guard let spec = item.spec else { continue }
                let c = try await CTFChallengeRows.create(spec, editionID: editionID, position: existing.count + i, requirements: [],
                                                          files: item.files, on: db)
                ids[spec.name] = try c.requireID()
                created.append((spec, try c.requireID()))
            }
            for (spec, id) in created where !spec.requirements.isEmpty {
                try await CTFChallengeRows.replaceRequirements(Set(spec.requirements.compactMap { ids[$0] }), challengeID: id, on: db)
            }
            try await CTFVersion.bump(editionID, on: db)
            return .success(created.count)
        }
    }

    struct Refused: Error {
        let plan: Plan
    }
}
