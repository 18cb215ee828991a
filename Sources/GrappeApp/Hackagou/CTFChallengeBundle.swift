import Foundation
import GrappeDomain
import ZIPFoundation

/// What staff upload to import challenges: one `challenge.yml`, or a `.zip` of an authors'
/// repository (every folder holding a `challenge.yml` is a challenge, with the files it lists
/// beside it). Read in memory, never onto the disk; a zip is refused whole when one of its paths
/// climbs out (`../`) or when it unpacks to more than `maxUnpackedBytes` (a zip bomb).
struct CTFChallengeBundle: Sendable {
    /// The largest upload taken (the preview posts it back, base64, in a hidden field).
    static let maxUploadBytes = 32 * 1024 * 1024
    static let maxUnpackedBytes = 128 * 1024 * 1024
    static let maxEntries = 2000

    struct Folder: Sendable {
        /// The folder of its `challenge.yml` in the archive ("" at the root or for a lone file).
        let path: String
        let yaml: String
    }

    enum Entry: Sendable {
        case file(Data)
        /// Over `CTFFile.maxBytes` (its size as declared); its content is not kept.
        case tooBig(Int)
        /// A symbolic link or a directory: nothing a player can download.
        case notAFile
    }

    let folders: [Folder]
    /// Every entry of the zip by its path (empty for a lone `challenge.yml`).
    let entries: [String: Entry]
    let isArchive: Bool

    struct Refused: Error, Equatable {
        let message: String
    }

    static func read(_ data: Data) -> Result<CTFChallengeBundle, Refused> {
        if data.isEmpty { return .failure(Refused(message: "Le fichier est vide.")) }
        if data.count > maxUploadBytes { return .failure(Refused(message: "Le fichier dépasse \(FileSize.french(maxUploadBytes)).")) }
        if data.starts(with: [0x50, 0x4B]) { return unzip(data) }
        guard let text = String(data: data, encoding: .utf8), !text.contains("\u{0}") else {
            return .failure(Refused(message: "Ce n'est ni un challenge.yml (texte UTF-8) ni un zip."))
        }
        return .success(CTFChallengeBundle(folders: [Folder(path: "", yaml: text)], entries: [:], isArchive: false))
    }

    private struct TooBig: Error {}

    private static func unzip(_ data: Data) -> Result<CTFChallengeBundle, Refused> {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            return .failure(Refused(message: "Le zip est illisible ou corrompu."))
        }
        var entries: [String: Entry] = [:]
        var unpacked = 0
        var count = 0
        for entry in archive {
            count += 1
            guard count <= maxEntries else { return .failure(Refused(message: "Le zip contient plus de \(maxEntries) fichiers.")) }
            guard let path = ArchivePath.clean(entry.path) else {
                return .failure(Refused(message: "Le zip contient un chemin refusé : « \(entry.path) » (absolu ou sortant du dossier avec « .. »)."))
            }
            guard entry.type == .file else {
                entries[path] = .notAFile
                continue
            }
            if entry.uncompressedSize > UInt64(CTFFile.maxBytes) {
                entries[path] = .tooBig(Int(clamping: entry.uncompressedSize))
                continue
            }
            var content = Data()
            do {
                _ = try archive.extract(entry) { chunk in
                    unpacked += chunk.count
                    // The declared sizes may lie: the bytes really unpacked are what counts.
                    guard unpacked <= maxUnpackedBytes, content.count + chunk.count <= CTFFile.maxBytes else { throw TooBig() }
                    content.append(chunk)
                }
            } catch is TooBig {
                if unpacked > maxUnpackedBytes {
                    return .failure(Refused(message: "Le zip se décompresse en plus de \(FileSize.french(maxUnpackedBytes)) : refusé."))
                }
                entries[path] = .tooBig(content.count + 1)
                continue
            } catch {
                return .failure(Refused(message: "Le zip est corrompu (« \(path) » illisible)."))
            }
            entries[path] = .file(content)
        }
        var folders: [Folder] = []
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard name == "challenge.yml" || name == "challenge.yaml" else { continue }
            let folder = ArchivePath.folder(of: path)
            guard case .file(let content) = entry, let text = String(data: content, encoding: .utf8) else {
                return .failure(Refused(message: "« \(path) » n'est pas un texte UTF-8 lisible."))
            }
            guard !folders.contains(where: { $0.path == folder }) else {
                return .failure(Refused(message: "Le dossier « \(folder) » contient deux fichiers challenge.yml."))
            }
            folders.append(Folder(path: folder, yaml: text))
        }
        guard !folders.isEmpty else { return .failure(Refused(message: "Le zip ne contient aucun challenge.yml.")) }
        return .success(CTFChallengeBundle(folders: folders, entries: entries, isArchive: true))
    }
}
