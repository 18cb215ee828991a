import Fluent
import Foundation
import GrappeDomain
import Vapor

/// `/api/v1`, as CTFd answers it: the current edition's challenges, flag attempts, scoreboard
/// and teams. Players authenticate with the token of their player page; staff tokens read too.
enum CTFdAPIController {
    /// The player behind the request's token, or the error CTFd's clients expect.
    static func player(_ req: Request) async throws -> CTFPlayerIdentity {
        guard let caller = try await req.application.ctfTokens.caller(req) else {
            throw Abort(.unauthorized, reason: "Jeton manquant, invalide ou révoqué (Authorization: Token …).")
        }
        guard let player = caller.player else { throw Abort(.forbidden, reason: "Ce jeton n'est pas celui d'un joueur.") }
        return player
    }

    static func snapshot(_ req: Request, editionID: Int) async throws -> CTFSnapshot {
        guard let snap = try await req.application.ctfBoards.snapshot(editionID, app: req.application) else { throw Abort(.notFound) }
        return snap
    }

    /// The edition the public endpoints describe: the one being played, else the latest open one.
    static func currentSnapshot(_ req: Request) async throws -> CTFSnapshot {
        guard let id = try await req.application.ctfBoards.currentEditionID(organisationID: try await req.organisationID(), db: req.db) else {
            throw Abort(.notFound, reason: "Aucune édition de Hackagou n'est ouverte.")
        }
        return try await snapshot(req, editionID: id)
    }

    static func attempt(_ req: Request) async throws -> Response {
        let player = try await player(req)
        guard let body = CTFd.attemptBody(req) else {
            return try CTFd.fail(.badRequest, "Expected a JSON body {\"challenge_id\": integer, \"submission\": string}", field: "submission")
        }
        switch try await CTFPlay.submit(body.submission, challengeID: body.challenge_id, player: player, app: req.application,
                                        ip: req.clientAddress, now: req.now) {
        case .failure(.invalid(let problem)):
            return try CTFd.fail(.badRequest, problem.english, field: "submission")
        case .failure(.notFound):
            return try CTFd.fail(.notFound, "Challenge not found", field: "challenge_id")
        case .failure(.banned):
            return try CTFd.fail(.forbidden, "Your team is banned")
        case .success(let verdict):
            let status: HTTPStatus = switch verdict {
            case .rateLimited: .tooManyRequests
            case .paused, .exhausted: .forbidden
            default: .ok
            }
            return CTFd.json(CTFd.verdictBodies[verdict] ?? Data(), status: status)
        }
    }

    /// A staff token reads every challenge, hidden ones included (ctfcli's `?view=admin`).
    static func challenges(_ req: Request) async throws -> Response {
        if try await req.application.ctfTokens.caller(req)?.role == .staff { return try await CTFdAdminController.list(req) }
        let player = try await player(req)
        let snap = try await snapshot(req, editionID: player.editionID)
        let solved = try await CTFSnapshot.solvedNow(by: player.teamID, on: req.db)
        let tags = try await CTFEditions.tags(req.db, editionID: player.editionID)
        let items = snap.openChallenges(solved: solved, at: req.now).map { c in
            CTFd.ChallengeItem(id: c.id, type: c.scoring.ctfdType, name: c.name, value: snap.values[c.id] ?? c.scoring.initial,
                               solves: snap.solveCounts[c.id] ?? 0, solved_by_me: solved.contains(c.id), category: c.category,
                               tags: (tags[c.id] ?? []).map(CTFd.Tag.init))
        }
        return try CTFd.ok(items)
    }

    static func challenge(_ req: Request) async throws -> Response {
        if try await req.application.ctfTokens.caller(req)?.role == .staff { return try await CTFdAdminController.show(req) }
        let player = try await player(req)
        let snap = try await snapshot(req, editionID: player.editionID)
        let solved = try await CTFSnapshot.solvedNow(by: player.teamID, on: req.db)
        guard let id = req.parameters.get("challengeID").flatMap(Int.init), let c = snap.challenges[id],
              snap.isOpen(c, solved: solved, at: req.now),
              let detail = try await CTFChallengeQueries.detail(req.db, challengeID: id, teamID: player.teamID) else {
            return try CTFd.fail(.notFound, "Challenge not found")
        }
        return try CTFd.ok(CTFd.ChallengeDetail(
            id: id, name: c.name, value: snap.values[id] ?? c.scoring.initial, initial: c.scoring.initial, description: detail.about,
            connection_info: detail.connectionInfo.isEmpty ? nil : detail.connectionInfo, category: c.category, state: "visible",
            max_attempts: c.maxAttempts, type: c.scoring.ctfdType, solves: snap.solveCounts[id] ?? 0, solved_by_me: solved.contains(id),
            attempts: detail.attemptsUsed, files: detail.files.map { Site.ctfFile.path($0.id, $0.filename) }, tags: detail.tags,
            hints: detail.hints.map { CTFd.Hint(id: $0.id, cost: $0.cost, content: $0.unlocked ? $0.content : nil) }))
    }

    /// Drawn once per snapshot (and bracket, and freeze): every reader gets the same bytes.
    static func scoreboard(_ req: Request) async throws -> Response {
        let snap = try await currentSnapshot(req)
        let bracket = req.query[Int.self, at: "bracket_id"]
        let now = req.now
        let key = "scoreboard|\(bracket ?? -1)|\(snap.cutoffKey(at: now))"
        return CTFd.json(try await req.application.ctfBoards.body(snap, key: key) {
            let rows = snap.rows(at: now, staff: false).filter { bracket == nil || snap.teams[$0.teamID]?.bracketID == bracket }
            return try CTFd.encoder.encode(CTFd.Envelope(data: rows.enumerated().map { i, r in snap.standing(r, position: i + 1) }))
        })
    }

    static func top(_ req: Request) async throws -> Response {
        guard let count = req.parameters.get("count").flatMap(Int.init), (1...50).contains(count) else {
            return try CTFd.fail(.badRequest, "count must be between 1 and 50", field: "count")
        }
        let snap = try await currentSnapshot(req)
        let bracket = req.query[Int.self, at: "bracket_id"]
        let now = req.now
        let key = "top|\(count)|\(bracket ?? -1)|\(snap.cutoffKey(at: now))"
        return CTFd.json(try await req.application.ctfBoards.body(snap, key: key) {
            let rows = snap.rows(at: now, staff: false).filter { bracket == nil || snap.teams[$0.teamID]?.bracketID == bracket }.prefix(count)
            var data: [String: CTFd.TopEntry] = [:]
            for (i, r) in rows.enumerated() { data[String(i + 1)] = snap.topEntry(r, at: now) }
            return try CTFd.encoder.encode(CTFd.Envelope(data: data))
        })
    }

    static func teams(_ req: Request) async throws -> Response {
        let snap = try await currentSnapshot(req)
        let perPage = 50
        let listed = snap.teams.values.filter { !$0.hidden && !$0.banned }.sorted { $0.id < $1.id }
        let pages = max(1, (listed.count + perPage - 1) / perPage)
        let page = min(max(req.query[Int.self, at: "page"] ?? 1, 1), pages)
        let shown = listed.dropFirst((page - 1) * perPage).prefix(perPage)
        let affiliations = try await CTFEditions.affiliations(req.db, editionID: snap.edition.id)
        let board = snap.positions(at: req.now)
        return try CTFd.response(CTFd.Paged(
            meta: CTFd.Meta(pagination: CTFd.Pagination(page: page, next: page < pages ? page + 1 : nil, prev: page > 1 ? page - 1 : nil,
                                                        pages: pages, per_page: perPage, total: listed.count)),
            data: shown.map { snap.team($0, affiliation: affiliations[$0.id], board: board) }))
    }

    static func team(_ req: Request) async throws -> Response {
        let snap = try await currentSnapshot(req)
        guard let id = req.parameters.get("teamID").flatMap(Int.init), let t = snap.teams[id], !t.hidden, !t.banned else {
            return try CTFd.fail(.notFound, "Team not found")
        }
        let affiliations = try await CTFEditions.affiliations(req.db, editionID: snap.edition.id)
        return try CTFd.ok(snap.team(t, affiliation: affiliations[id], board: snap.positions(at: req.now)))
    }

    static func teamMe(_ req: Request) async throws -> Response {
        let player = try await player(req)
        let snap = try await snapshot(req, editionID: player.editionID)
        guard let t = snap.teams[player.teamID] else { return try CTFd.fail(.notFound, "Team not found") }
        let affiliations = try await CTFEditions.affiliations(req.db, editionID: snap.edition.id)
        return try CTFd.ok(snap.team(t, affiliation: affiliations[t.id], board: snap.positions(at: req.now)))
    }

    static func userMe(_ req: Request) async throws -> Response {
        let player = try await player(req)
        let snap = try await snapshot(req, editionID: player.editionID)
        let board = snap.positions(at: req.now)
        return try CTFd.ok(CTFd.User(id: player.playerID, name: player.pseudonym, team_id: player.teamID,
                                     score: snap.playerScore(player.playerID), place: board[player.teamID]?.position,
                                     bracket_id: snap.teams[player.teamID]?.bracketID))
    }
}
