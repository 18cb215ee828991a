import Fluent
import Foundation
import GrappeDomain
import Vapor

/// `GET /hackagou/fichiers/:fileID/:filename`: an attachment, to the staff and to the players of
/// its edition once its challenge is open to their team (with a session or an API token, as
/// CTFd's clients download). Always a download, never shown inline.
enum CTFFileController {
    static func download(_ req: Request) async throws -> Response {
        let caller = try await req.application.ctfTokens.caller(req)
        guard let role = caller?.role ?? req.viewer.user?.role else { throw LoginRequired(returnTo: req.url.string) }
        guard role == .staff || role == .player else { throw Abort(.forbidden) }
        guard let id = req.parameters.get("fileID").flatMap(Int.init),
              let file = try await CTFFile.query(on: req.db).filter(\.$id == id).with(\.$challenge).first() else { throw Abort(.notFound) }
        switch role {
        case .staff: break
        case .player:
            let player: CTFPlayerIdentity?
            if let p = caller?.player { player = p } else if let uid = req.viewer.user?.id { player = try await CTFPlayerIdentity.find(userID: uid, on: req.db) } else { player = nil }
            guard let player, player.editionID == file.challenge.$edition.id,
                  let snap = try await req.application.ctfBoards.snapshot(player.editionID, app: req.application),
                  let c = snap.challenges[file.$challenge.id], snap.isOpen(c, solved: try await CTFSnapshot.solvedNow(by: player.teamID, on: req.db), at: req.now) else { throw Abort(.notFound) }
        default: throw Abort(.forbidden)
        }
        var headers = HTTPHeaders()
        headers.contentType = .binary
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(CTFFile.safeName(file.filename))\"")
        return Response(status: .ok, headers: headers, body: .init(data: file.content))
    }
}
