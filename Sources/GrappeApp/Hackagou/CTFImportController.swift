import Fluent
import Foundation
import GrappeDomain
import Vapor

/// `POST /admin/hackagou/:year/import`: a `challenge.yml` or a zip of an authors' repository,
/// previewed first (`CTFImportView`), imported on confirmation. The preview holds the upload
/// in a hidden field and posts it back, so no state waits on the server between the two steps
/// (any instance behind a proxy can take the confirmation); the confirmation checks everything
/// again and imports all or nothing (`CTFImporter.apply`).
enum CTFImportController {
    static func submit(_ req: Request) async throws -> Response {
        let e = try await CTFAdminController.find(req)
        func refuse(_ message: String) async throws -> Response {
            try await CTFAdminController.editionPage(req, e, form: CTFEditionForm(e).form, importError: message, status: .badRequest)
        }
        let parts = try? MultipartParts(req)
        let data: Data, filename: String
        if let upload = parts?.files("file").first, upload.body.readableBytes > 0 {
            data = Data(upload.body.readableBytesView)
            filename = CTFFile.safeName(upload.filename ?? "")
        } else if let posted = parts?.field("bundle"), !posted.isEmpty {
            guard let decoded = Data(base64Encoded: posted) else { return try await refuse("Envoi incomplet : choisissez de nouveau le fichier.") }
            data = decoded
            filename = CTFFile.safeName(parts?.field("filename") ?? "")
        } else {
            return try await refuse("Choisissez un fichier challenge.yml ou un zip.")
        }
        let bundle: CTFChallengeBundle
        switch CTFChallengeBundle.read(data) {
        case .failure(let refused): return try await refuse(refused.message)
        case .success(let read): bundle = read
        }
        let editionID = try e.requireID()
        func preview(_ plan: CTFImporter.Plan) async throws -> Response {
            let body = CTFImportView.preview(plan, edition: e, bundle: data.base64EncodedString(), filename: filename, csrf: CSRF.hiddenField(req))
            return try await Layout.page(req, title: "Import de défis", status: plan.isClean ? .ok : .badRequest, body: body)
        }
        if parts?.field("step") == "apply" {
            switch try await CTFImporter.apply(bundle, editionID: editionID, on: req.db) {
            case .success(let count):
                return req.redirect(to: Site.ctfAdminEdition.path(e), flash: count == 1 ? "1 défi importé." : "\(count) défis importés.")
            case .failure(let refused):
                return try await preview(refused.plan)
            }
        }
        return try await preview(try await CTFImporter.plan(bundle, editionID: editionID, on: req.db))
    }
}
