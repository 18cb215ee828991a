import Fluent
import Foundation
import GrappeDomain
import SQLKit
import Vapor

/// The parts of a challenge the staff attach and remove from its page: attachments (uploaded
/// as a multipart form), and deleting a flag, a hint or an attachment. Every change raises the
/// board version.
enum CTFChallengePartsController {
    static func addFile(_ req: Request) async throws -> Response {
        let e = try await CTFAdminController.find(req)
        let c = try await CTFChallengeAdminController.find(req, edition: e)
        let uploads = (try? MultipartParts(req))?.files("file") ?? []
        func refuse(_ message: String) async throws -> Response {
            try await CTFChallengeAdminController.page(req, edition: e, challenge: c,
                                                       form: CTFChallengeForm(c, requirements: try await CTFChallengeAdminController.requirements(of: c, on: req.db)),
                                                       fileError: message, status: .badRequest)
        }
        guard uploads.count <= 1 else { return try await refuse("Un fichier à la fois.") }
        let upload = uploads.first
        if let problem = AttachmentCheck.problem(filename: upload?.filename ?? "", size: upload?.body.readableBytes ?? 0) {
            return try await refuse(problem)
        }
        guard let upload else { return try await refuse("Choisissez un fichier.") }
        let name = CTFFile.safeName(upload.filename ?? "")
        let challengeID = try c.requireID()
        if try await CTFFileService.list(req.db, challengeID: challengeID).contains(where: { $0.filename == name }) {
            return try await refuse("Un fichier « \(name) » est déjà joint à ce défi : supprimez-le d'abord.")
        }
        try await req.db.transaction { db in
            _ = try await CTFFileService.store([(name, Data(upload.body.readableBytesView))], challenge: c, on: db)
            try await CTFVersion.bump(e.requireID(), on: db)
        }
        return req.redirect(to: Site.ctfAdminChallenge.path(e.year, c), flash: "Fichier « \(name) » joint (\(FileSize.french(upload.body.readableBytes))).")
    }

    static func deleteFile(_ req: Request) async throws -> Response {
        let e = try await CTFAdminController.find(req)
        let c = try await CTFChallengeAdminController.find(req, edition: e)
        guard let id = req.parameters.get("fileID").flatMap(Int.init),
              let file = try await CTFFile.query(on: req.db).filter(\.$id == id).filter(\.$challenge.$id == c.requireID()).field(\.$id).field(\.$filename).first()
        else { throw Abort(.notFound) }
        let name = file.filename
        try await req.db.transaction { db in
            try await CTFFile.query(on: db).filter(\.$id == id).delete()
            try await CTFVersion.bump(e.requireID(), on: db)
        }
        return req.redirect(to: Site.ctfAdminChallenge.path(e.year, c), flash: "Fichier « \(name) » supprimé.")
    }

    /// Solves already made with the flag stay: a team that found it keeps its points.
    static func deleteFlag(_ req: Request) async throws -> Response {
        let e = try await CTFAdminController.find(req)
        let c = try await CTFChallengeAdminController.find(req, edition: e)
        guard let id = req.parameters.get("flagID").flatMap(Int.init),
              try await CTFFlag.query(on: req.db).filter(\.$id == id).filter(\.$challenge.$id == c.requireID()).count() == 1
        else { throw Abort(.notFound) }
        try await req.db.transaction { db in
            try await CTFFlag.query(on: db).filter(\.$id == id).delete()
            try await CTFVersion.bump(e.requireID(), on: db)
        }
        return req.redirect(to: Site.ctfAdminChallenge.path(e.year, c), flash: "Flag supprimé.")
    }

    /// A hint a team already unlocked is not deleted: its unlock (and the negative award that
    /// cost the team its points) would go with it, changing scores already shown. Refused, with
    /// the count of teams.
    static func deleteHint(_ req: Request) async throws -> Response {
        let e = try await CTFAdminController.find(req)
        let c = try await CTFChallengeAdminController.find(req, edition: e)
        guard let id = req.parameters.get("hintID").flatMap(Int.init),
              try await CTFHint.query(on: req.db).filter(\.$id == id).filter(\.$challenge.$id == c.requireID()).count() == 1
        else { throw Abort(.notFound) }
        // One statement, so that an unlock landing meanwhile cannot be swept away with the hint.
        let deleted = try await req.db.transaction { db -> Bool in
            let gone = try await db.sql.raw("""
                DELETE FROM ctf_hints WHERE id = \(bind: id) AND NOT EXISTS (SELECT 1 FROM ctf_hint_unlocks WHERE hint_id = \(bind: id)) RETURNING id
                """).first() != nil
            if gone { try await CTFVersion.bump(e.requireID(), on: db) }
            return gone
        }
        if !deleted {
            let teams = try await req.db.sql.raw("SELECT COUNT(*) AS n FROM ctf_hint_unlocks WHERE hint_id = \(bind: id)").first()?
                .decode(column: "n", as: Int.self) ?? 0
            return req.redirect(to: Site.ctfAdminChallenge.path(e.year, c),
                                flash: "Indice non supprimé : \(teams) équipe\(teams > 1 ? "s l'ont" : " l'a") déjà débloqué, le supprimer leur rendrait les points dépensés.",
                                .error)
        }
        return req.redirect(to: Site.ctfAdminChallenge.path(e.year, c), flash: "Indice supprimé.")
    }
}
