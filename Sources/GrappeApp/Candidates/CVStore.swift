import Foundation
import Vapor

/// CV files on disk, under `<upload dir>/cv/`. Names are random UUIDs chosen here, never
/// anything the visitor sent, so no path can be smuggled in.
struct CVStore: Sendable {
    let folder: String

    init(app: Application) { folder = app.config.uploadDirectory + "/cv" }

    static func isValidName(_ name: String) -> Bool {
        name.hasSuffix(".pdf") && UUID(uuidString: String(name.dropLast(4))) != nil
    }

    func path(_ name: String) throws -> String {
        guard Self.isValidName(name) else { throw Abort(.notFound) }
        return folder + "/" + name
    }

    /// Writes the bytes under a new name and returns it.
    func save(_ bytes: [UInt8]) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let name = UUID().uuidString.lowercased() + ".pdf"
        let url = URL(fileURLWithPath: try path(name))
        try Data(bytes).write(to: url, options: [.withoutOverwriting])
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        return name
    }

    func read(_ name: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: try path(name)) else { throw Abort(.notFound, reason: "Ce CV n'est plus disponible.") }
        return data
    }

    /// Removes a file; a missing file is not an error (already deleted).
    func delete(_ name: String) {
        guard let p = try? path(name), FileManager.default.fileExists(atPath: p) else { return }
        try? FileManager.default.removeItem(atPath: p)
    }
}
