import Foundation
import NIOCore
import Vapor
import VaporTesting
import ZIPFoundation
@testable import GrappeApp

/// Zips built in memory for the import tests, paths as given (`../` included, on purpose).
enum CTFZips {
    static func zip(_ entries: [(path: String, data: Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    static func text(_ entries: [(String, String)]) throws -> Data { try zip(entries.map { ($0.0, Data($0.1.utf8)) }) }

    /// `Tests/ctf/challenges/`, the repository ctfcli installs in `Tests/ctf/ctfcli.sh`.
    static let challenges = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("ctf/challenges")

    /// Every file of that folder, with its path below it.
    static func repository() throws -> [(path: String, data: Data)] {
        let base = challenges.standardizedFileURL.path
        let walker = FileManager.default.enumerator(atPath: base)
        var files: [(String, Data)] = []
        while let relative = walker?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = base + "/" + relative
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files.append((relative, try Data(contentsOf: URL(fileURLWithPath: full))))
        }
        return files.sorted { $0.0 < $1.0 }
    }
}

extension TestClient {
    /// Posts a multipart form of plain fields (no file), as the import's confirmation does.
    @discardableResult
    func postMultipart(_ path: String, fields: [String: String]) async throws -> Page {
        if csrf == nil { try await get("/connexion") }
        let boundary = "----grappe-test-boundary"
        var all = fields
        all["_csrf"] = all["_csrf"] ?? csrf ?? ""
        var body = ""
        for (name, value) in all.sorted(by: { $0.key < $1.key }) {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return try await send(.POST, path, headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(string: body))
    }
}

extension TestClient {
    /// A GET whose body is kept as bytes (a zip), with the client's cookies.
    func getData(_ path: String) async throws -> (status: HTTPStatus, headers: HTTPHeaders, data: Data) {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        let response = try await app.testing().sendRequest(.GET, path, headers: headers)
        return (response.status, response.headers, Data(response.body.readableBytesView))
    }
}
