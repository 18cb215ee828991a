import GrappeDomain
import MultipartKit
import Vapor

/// Refuses, in one place for every form, a posted text field holding a character no field
/// accepts (`FieldCheck.forbiddenCharacter`: NUL and the other control characters, bidi
/// overrides): 400 with a French page naming the character, before any handler reads the form,
/// so nothing is written. URL-encoded fields and the text parts of multipart forms are read (a
/// file part is the upload checks' business). The JSON API is left to its own checks (CTFd's
/// error shape for a flag); GETs pass through without starting a task.
struct FormTextGuard: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard request.method == .POST, !Site.isAPI(request.url.path) else { return next.respond(to: request) }
        return request.eventLoop.makeFutureWithTask {
            if request.body.data == nil {
                _ = try await request.body.collect(max: BodyLimits.bytes(for: request.url.path)).get()
            }
            if let body = request.body.data, let scalar = Self.forbidden(in: body, contentType: request.headers.contentType) {
                throw Abort(.badRequest, reason: "Le formulaire contient un caractère invisible interdit (\(FieldCheck.codePoint(scalar))), souvent venu d'un copier-coller : "
                            + "revenez en arrière, retirez-le du champ puis renvoyez le formulaire. Rien n'a été enregistré.")
            }
            return try await next.respond(to: request).get()
        }
    }

    /// The first forbidden character of the body's text fields, if any.
    static func forbidden(in body: ByteBuffer, contentType: HTTPMediaType?) -> Unicode.Scalar? {
        guard let contentType else { return nil }
        if contentType == .urlEncodedForm {
            let text = String(buffer: body)
            for pair in text.split(separator: "&") {
                for part in pair.split(separator: "=", maxSplits: 1) {
                    let decoded = String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
                    if let scalar = FieldCheck.forbiddenCharacter(in: decoded) { return scalar }
                }
            }
            return nil
        }
        if contentType.type == "multipart", contentType.subType == "form-data", let boundary = contentType.parameters["boundary"], !boundary.isEmpty {
            return forbiddenInMultipart(body, boundary: boundary)
        }
        return nil
    }

    /// Reads the parts' headers and the bodies of the parts without a file name.
    private static func forbiddenInMultipart(_ body: ByteBuffer, boundary: String) -> Unicode.Scalar? {
        let parser = MultipartParser(boundary: boundary)
        var isFile = false, text = ByteBuffer(), found: Unicode.Scalar?
        parser.onHeader = { name, value in
            if name.lowercased() == "content-disposition", value.contains("filename") { isFile = true }
        }
        parser.onBody = { chunk in if !isFile { text.writeBuffer(&chunk) } }
        parser.onPartComplete = {
            if found == nil, !isFile { found = FieldCheck.forbiddenCharacter(in: String(buffer: text)) }
            isFile = false
            text.clear()
        }
        try? parser.execute(body)
        return found
    }
}
