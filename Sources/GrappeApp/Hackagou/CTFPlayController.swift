import Fluent
import Foundation
import GrappeDomain
import Vapor

/// The players' pages (`CTFPlayView`): the board, a challenge and its flag form, hints, the
/// team's page and its API token. Routes guarded by `Access.player`.
enum CTFPlayController {
    struct Context {
        let player: CTFPlayerIdentity
        let snapshot: CTFSnapshot
        let edition: CTFEdition
        /// The team's solves now (the snapshot may be a moment behind).
        let solved: Set<Int>
    }

    static func context(_ req: Request) async throws -> Context {
        let user = try req.require(.player)
        guard let player = try await CTFPlayerIdentity.find(userID: user.requireID(), on: req.db),
              let edition = try await CTFEdition.find(player.editionID, on: req.db),
              let snap = try await req.application.ctfBoards.snapshot(player.editionID, app: req.application) else { throw Abort(.notFound) }
        return Context(player: player, snapshot: snap, edition: edition, solved: try await CTFSnapshot.solvedNow(by: player.teamID, on: req.db))
    }

    static func board(_ req: Request) async throws -> Response {
        let c = try await context(req)
        let page = CTFBoardPage.build(c.snapshot, edition: c.edition, player: c.player, solved: c.solved, now: req.now)
        return try await Layout.page(req, title: "Défis · \(c.edition.title)", body: CTFPlayView.board(page, now: req.now))
    }

    static func challenge(_ req: Request) async throws -> Response {
        try await challengePage(req, context: try await context(req), answer: nil, typed: "")
    }

    static func challengePage(_ req: Request, context c: Context, answer: (text: String, success: Bool)?, typed: String,
                              status: HTTPStatus = .ok) async throws -> Response {
        let snap = c.snapshot
        guard let id = req.parameters.get("challengeID").flatMap(Int.init), let challenge = snap.challenges[id],
              snap.isOpen(challenge, solved: c.solved, at: req.now),
              let detail = try await CTFChallengeQueries.detail(req.db, challengeID: id, teamID: c.player.teamID) else { throw Abort(.notFound) }
        let page = CTFChallengePage.build(snap, challenge: challenge, detail: detail, solved: c.solved)
        return try await Layout.page(req, title: challenge.name, status: status,
                                     body: CTFPlayView.challenge(page, answer: answer, typed: typed, csrf: CSRF.hiddenField(req)))
    }

    static func submit(_ req: Request) async throws -> Response {
        let c = try await context(req)
        guard let id = req.parameters.get("challengeID").flatMap(Int.init) else { throw Abort(.notFound) }
        let typed = req.content[String.self, at: "flag"] ?? ""
        switch try await CTFPlay.submit(typed, challengeID: id, player: c.player, app: req.application, ip: req.clientAddress, now: req.now) {
        case .failure(.notFound): throw Abort(.notFound)
        case .failure(.banned): throw Abort(.forbidden, reason: "Votre équipe a été exclue de la compétition.")
        case .failure(.invalid(let problem)):
            return try await challengePage(req, context: c, answer: (problem.french, false), typed: String(typed.prefix(Submission.maxLength)), status: .badRequest)
        case .success(let verdict):
            // The page drawn next must include this solve.
            let fresh = verdict == .correct ? try await context(req) : c
            let status: HTTPStatus = verdict == .rateLimited ? .tooManyRequests : .ok
            return try await challengePage(req, context: fresh, answer: (verdict.french, verdict == .correct), typed: verdict == .correct ? "" : typed,
                                           status: status)
        }
    }

    static func unlockHint(_ req: Request) async throws -> Response {
        let c = try await context(req)
        guard let id = req.parameters.get("hintID").flatMap(Int.init) else { throw Abort(.notFound) }
        switch try await CTFHintService.unlock(hintID: id, player: c.player, snapshot: c.snapshot, db: req.db, now: req.now) {
        case .notFound: throw Abort(.notFound)
        case .unlocked(let challengeID):
            return req.redirect(to: Site.ctfChallenge.path(challengeID), flash: "Indice débloqué.")
        case .alreadyUnlocked(let challengeID):
            return req.redirect(to: Site.ctfChallenge.path(challengeID), flash: "Cet indice était déjà débloqué.")
        case .tooExpensive(let cost, let score):
            let challengeID = try await CTFHint.find(id, on: req.db)?.$challenge.id ?? 0
            return req.redirect(to: Site.ctfChallenge.path(challengeID),
                                flash: "Cet indice coûte \(cost) points et votre équipe en a \(score).", .error)
        }
    }

    static func team(_ req: Request) async throws -> Response {
        try await teamPage(req, context: try await context(req), token: nil)
    }

    static func teamPage(_ req: Request, context c: Context, token: String?) async throws -> Response {
        guard let page = try await CTFTeamPage.load(req.db, snap: c.snapshot, edition: c.edition, teamID: c.player.teamID, now: req.now) else {
            throw Abort(.notFound)
        }
        let sharedUntil = try await CTFPlayer.find(c.player.playerID, on: req.db).flatMap { CTFProfileSharing.sharedUntil($0, now: req.now) }
        return try await Layout.page(req, title: page.name, body: CTFPlayView.team(page, token: token, sharedUntil: sharedUntil,
                                                                                    apiBase: req.application.baseURL, csrf: CSRF.hiddenField(req)))
    }

    /// Withdraws « partager mon profil »: the player leaves the candidate pool at once.
    static func withdrawSharing(_ req: Request) async throws -> Response {
        let user = try req.require(.player)
        let withdrawn = try await CTFProfileSharing.withdraw(userID: try user.requireID(), organisationID: user.$organisation.id, on: req.db)
        return req.redirect(to: Site.ctfTeam.path(), flash: withdrawn ? "Votre profil n'est plus partagé avec les entreprises adhérentes."
                                                                     : "Votre profil n'était pas partagé.")
    }

    static func createToken(_ req: Request) async throws -> Response {
        let c = try await context(req)
        let user = try req.require(.player)
        let token = try await APITokenIssuer.issue(for: user, name: "Hackagou \(c.edition.year)", on: req.db)
        return try await teamPage(req, context: c, token: token)
    }
}
