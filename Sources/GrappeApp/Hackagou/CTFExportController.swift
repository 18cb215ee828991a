import Fluent
import Foundation
import GrappeDomain
import Vapor

/// Downloads of challenges in ctfcli's format, for the staff only (flags are secrets): one
/// challenge's `challenge.yml`, or the edition's zip (`CTFExport`).
enum CTFExportController {
    static func challenge(_ req: Request) async throws -> Response {
        let e = try await CTFAdminController.find(req)
        let c = try await CTFChallengeAdminController.find(req, edition: e)
        guard let exported = try await CTFExport.load(req.db, editionID: e.requireID(), challengeID: c.requireID(), withContent: false).first else {
            throw Abort(.notFound)
        }
        return download(Data(try CTFExport.yaml(exported.spec).utf8), type: HTTPMediaType(type: "application", subType: "yaml", parameters: ["charset": "utf-8"]),
                        filename: "challenge.yml")
    }

    static func edition(_ req: Request) async throws -> Response {
        let e = try await CTFAdminController.find(req)
        let challenges = try await CTFExport.load(req.db, editionID: e.requireID(), withContent: true)
        return download(try CTFExport.zip(challenges), type: .zip, filename: "hackagou-\(e.year)-defis.zip")
    }

    static func download(_ data: Data, type: HTTPMediaType, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
