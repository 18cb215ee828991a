import Foundation
import MultipartKit
import NIOCore
import Vapor

/// Every part of a multipart body, in order, repeated names included: ctfcli uploads several
/// files under one `file` field, which Vapor's form decoder folds into the last one.
struct MultipartParts {
    struct Part {
        let name: String
        let filename: String?
        let body: ByteBuffer
    }

    let parts: [Part]

    init(_ req: Request) throws {
        guard let type = req.headers.contentType, type.type == "multipart", let boundary = type.parameters["boundary"],
              let body = req.body.data else { throw Abort(.unsupportedMediaType, reason: "Corps multipart/form-data attendu.") }
        let parser = MultipartParser(boundary: boundary)
        var parts: [Part] = []
        var disposition = ""
        var current = ByteBuffer()
        parser.onHeader = { name, value in if name.lowercased() == "content-disposition" { disposition = value } }
        parser.onBody = { chunk in current.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append(Part(name: Self.parameter("name", in: disposition) ?? "", filename: Self.parameter("filename", in: disposition), body: current))
            disposition = ""
            current = ByteBuffer()
        }
        do { try parser.execute(body) } catch { throw Abort(.badRequest, reason: "Corps multipart illisible.") }
        self.parts = parts
    }

    /// `name="…"` (or unquoted) in a Content-Disposition header.
    static func parameter(_ key: String, in header: String) -> String? {
        for item in header.split(separator: ";") {
            let pair = item.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    func field(_ name: String) -> String? {
        parts.first { $0.name == name && $0.filename == nil }.map { String(buffer: $0.body) }
    }

    func files(_ name: String) -> [Part] { parts.filter { $0.name == name && $0.filename != nil } }
}
