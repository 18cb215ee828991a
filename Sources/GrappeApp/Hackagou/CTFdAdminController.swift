import Crypto
import Fluent
import Foundation
import GrappeDomain
import SQLKit
import Vapor

/// CTFd's admin endpoints, as ctfcli calls them to install a directory of `challenge.yml`:
/// create and patch challenges, add flags, tags, hints and files. A staff token is required;
/// challenges go to the latest edition (a draft included: authors install before the day).
/// Every change is checked as in the staff's pages and raises the board version.
enum CTFdAdminController {
    static func staff(_ req: Request) async throws {
        guard let caller = try await req.application.ctfTokens.caller(req) else {
            throw Abort(.unauthorized, reason: "Jeton manquant, invalide ou révoqué (Authorization: Token …).")
        }
        guard caller.role == .staff else { throw Abort(.forbidden, reason: "Réservé aux jetons de l'équipe permanente.") }
    }

    /// The edition the admin endpoints write to.
    static func edition(_ req: Request) async throws -> CTFEdition {
        guard let e = try await CTFEdition.query(on: req.db).filter(\.$organisation.$id == (try await req.organisationID()))
            .sort(\.$year, .descending).first() else { throw Abort(.notFound, reason: "Créez d'abord une édition de Hackagou.") }
        return e
    }

    static func challenge(_ req: Request, id: Int?, edition e: CTFEdition) async throws -> CTFChallenge {
        guard let id, let c = try await CTFChallenge.query(on: req.db).filter(\.$id == id).filter(\.$edition.$id == e.requireID()).first() else {
            throw Abort(.notFound, reason: "Challenge not found")
        }
        return c
    }

    static func admin(_ c: CTFChallenge) throws -> CTFd.AdminChallenge {
        let s = c.scoring
        let dynamic = s.ctfdType == "dynamic"
        return CTFd.AdminChallenge(id: try c.requireID(), name: c.name, category: c.category, description: c.about, attribution: c.author,
                                   connection_info: c.connectionInfo.isEmpty ? nil : c.connectionInfo, type: s.ctfdType, state: c.state.rawValue,
                                   value: s.initial, initial: dynamic ? c.initial : nil, decay: dynamic ? c.decay : nil, minimum: dynamic ? c.minimum : nil,
                                   function: dynamic ? c.scoringKind : nil, max_attempts: c.maxAttempts)
    }

    /// `GET /api/v1/challenges?view=admin` and `…/challenges/:id?view=admin`, for a staff token.
    static func list(_ req: Request) async throws -> Response {
        let e = try await edition(req)
        return try CTFd.ok(try await CTFChallenge.query(on: req.db).filter(\.$edition.$id == e.requireID()).sort(\.$id).all().map(admin))
    }

    static func show(_ req: Request) async throws -> Response {
        let e = try await edition(req)
        return try CTFd.ok(try admin(try await challenge(req, id: req.parameters.get("challengeID").flatMap(Int.init), edition: e)))
    }

    static func create(_ req: Request) async throws -> Response {
        try await staff(req)
        guard let body = try? req.content.decode(CTFd.ChallengeBody.self) else { return try CTFd.fail(.badRequest, "Expected a JSON challenge") }
        let e = try await edition(req)
        let c = CTFChallenge()
        c.$edition.id = try e.requireID()
        c.position = try await CTFChallenge.query(on: req.db).filter(\.$edition.$id == e.requireID()).count()
        c.state = .hidden
        c.maxAttempts = 0
        c.about = ""; c.category = ""; c.name = ""; c.connectionInfo = ""; c.author = ""
        c.scoring = .fixed(0)
        return try await apply(body, to: c, edition: e, req: req, status: .ok)
    }

    static func patch(_ req: Request) async throws -> Response {
        try await staff(req)
        guard let body = try? req.content.decode(CTFd.ChallengeBody.self) else { return try CTFd.fail(.badRequest, "Expected a JSON challenge") }
        let e = try await edition(req)
        let c = try await challenge(req, id: req.parameters.get("challengeID").flatMap(Int.init), edition: e)
        return try await apply(body, to: c, edition: e, req: req, status: .ok)
    }

    /// Writes the fields present in `body`; the same checks as the staff's challenge form.
    static func apply(_ b: CTFd.ChallengeBody, to c: CTFChallenge, edition e: CTFEdition, req: Request, status: HTTPStatus) async throws -> Response {
        if let v = b.name { c.name = v.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let v = b.category { c.category = v.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let v = b.description { c.about = v }
        if let v = b.attribution { c.author = v }
        if let v = b.connection_info { c.connectionInfo = v }
        if let v = b.max_attempts { c.maxAttempts = v }
        if let v = b.state {
            guard let state = CTFChallenge.State(rawValue: v) else { return try CTFd.fail(.badRequest, "state must be hidden or visible", field: "state") }
            c.state = state
        }
        if b.type != nil || b.value != nil || b.initial != nil {
            if b.type == "dynamic" || (b.type == nil && c.scoringKind != "static") {
                let initial = b.initial ?? b.value ?? c.initial
                let decay = b.decay ?? c.decay, minimum = b.minimum ?? c.minimum
                c.scoring = (b.function ?? (c.scoringKind == "static" ? "linear" : c.scoringKind)) == "logarithmic"
                    ? .logarithmic(initial: initial, decay: decay, minimum: minimum) : .linear(initial: initial, decay: decay, minimum: minimum)
            } else if b.type == nil || b.type == "standard" {
                c.scoring = .fixed(b.value ?? c.initial)
            } else {
                return try CTFd.fail(.badRequest, "type must be standard or dynamic", field: "type")
            }
        }
        if c.name.isEmpty || c.name.count > 120 { return try CTFd.fail(.badRequest, "name is required (120 characters at most)", field: "name") }
        if c.category.count > 60 { return try CTFd.fail(.badRequest, "category is 60 characters at most", field: "category") }
        if c.about.count > 20_000 || c.connectionInfo.count > 500 || c.author.count > 120 { return try CTFd.fail(.badRequest, "a field is too long") }
        if !(0...1000).contains(c.maxAttempts) { return try CTFd.fail(.badRequest, "max_attempts must be between 0 and 1000", field: "max_attempts") }
        if let problem = c.scoring.problem { return try CTFd.fail(.badRequest, problem, field: "value") }
        let editionID = try e.requireID()
        if try await CTFChallenge.query(on: req.db).filter(\.$edition.$id == editionID).filter(\.$name == c.name).all().contains(where: { $0.id != c.id }) {
            return try CTFd.fail(.badRequest, "A challenge with this name already exists", field: "name")
        }
        let prerequisites = b.requirements?.prerequisites
        if let prerequisites {
            let known = Set(try await CTFChallenge.query(on: req.db).filter(\.$edition.$id == editionID).all().compactMap(\.id))
            guard Set(prerequisites).isSubset(of: known), c.id.map({ !prerequisites.contains($0) }) ?? true else {
                return try CTFd.fail(.badRequest, "Unknown prerequisite", field: "requirements")
            }
        }
        try await req.db.transaction { db in
            try await c.save(on: db)
            if let prerequisites {
                try await CTFChallengeRows.replaceRequirements(Set(prerequisites), challengeID: c.requireID(), on: db)
            }
            try await CTFVersion.bump(editionID, on: db)
        }
        return try CTFd.ok(try admin(c), status: status)
    }

    static func flags(_ req: Request) async throws -> Response {
        try await staff(req)
        let e = try await edition(req)
        let flags = try await CTFFlag.query(on: req.db).join(CTFChallenge.self, on: \CTFFlag.$challenge.$id == \CTFChallenge.$id)
            .filter(CTFChallenge.self, \.$edition.$id == e.requireID()).sort(\.$id).all()
        return try CTFd.ok(try flags.map { CTFd.Flag(id: try $0.requireID(), challenge_id: $0.$challenge.id, type: $0.kind.rawValue, content: $0.content,
                                                    data: $0.caseInsensitive ? "case_insensitive" : "") })
    }

    static func createFlag(_ req: Request) async throws -> Response {
        try await staff(req)
        guard let body = try? req.content.decode(CTFd.FlagBody.self) else { return try CTFd.fail(.badRequest, "Expected {challenge_id, content, type}") }
        let e = try await edition(req)
        let c = try await challenge(req, id: body.challenge_id, edition: e)
        guard let kind = FlagRule.Kind(rawValue: body.type ?? "static") else { return try CTFd.fail(.badRequest, "type must be static or regex", field: "type") }
        let rule = FlagRule(kind: kind, content: body.content.trimmingCharacters(in: .whitespacesAndNewlines), caseInsensitive: body.data == "case_insensitive")
        if let problem = rule.problem { return try CTFd.fail(.badRequest, problem, field: "content") }
        let flag = try await req.db.transaction { db in
            let flag = try await CTFChallengeRows.addFlag(rule, challengeID: c.requireID(), on: db)
            try await CTFVersion.bump(e.requireID(), on: db)
            return flag
        }
        return try CTFd.ok(CTFd.Flag(id: try flag.requireID(), challenge_id: flag.$challenge.id, type: kind.rawValue, content: rule.content,
                                     data: rule.caseInsensitive ? "case_insensitive" : ""))
    }

    static func tags(_ req: Request) async throws -> Response {
        try await staff(req)
        let e = try await edition(req)
        let tags = try await CTFTag.query(on: req.db).join(CTFChallenge.self, on: \CTFTag.$challenge.$id == \CTFChallenge.$id)
            .filter(CTFChallenge.self, \.$edition.$id == e.requireID()).sort(\.$id).all()
        return try CTFd.ok(try tags.map { CTFd.TagItem(id: try $0.requireID(), challenge_id: $0.$challenge.id, value: $0.value) })
    }

    static func createTag(_ req: Request) async throws -> Response {
        try await staff(req)
        guard let body = try? req.content.decode(CTFd.TagBody.self) else { return try CTFd.fail(.badRequest, "Expected {challenge_id, value}") }
        let e = try await edition(req)
        let c = try await challenge(req, id: body.challenge_id, edition: e)
        let value = body.value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty, value.count <= 40 else { return try CTFd.fail(.badRequest, "value is 1 to 40 characters", field: "value") }
        let tag = try await CTFChallengeRows.addTag(value, challengeID: c.requireID(), on: req.db)
        try await CTFVersion.bump(e.requireID(), on: req.db)
        return try CTFd.ok(CTFd.TagItem(id: try tag.requireID(), challenge_id: tag.$challenge.id, value: value))
    }

    static func hints(_ req: Request) async throws -> Response {
        try await staff(req)
        let e = try await edition(req)
        let hints = try await CTFHint.query(on: req.db).join(CTFChallenge.self, on: \CTFHint.$challenge.$id == \CTFChallenge.$id)
            .filter(CTFChallenge.self, \.$edition.$id == e.requireID()).sort(\.$id).all()
        return try CTFd.ok(try hints.map { CTFd.HintItem(id: try $0.requireID(), challenge_id: $0.$challenge.id, content: $0.content, cost: $0.cost) })
    }

    static func createHint(_ req: Request) async throws -> Response {
        try await staff(req)
        guard let body = try? req.content.decode(CTFd.HintBody.self) else { return try CTFd.fail(.badRequest, "Expected {challenge_id, content, cost}") }
        let e = try await edition(req)
        let c = try await challenge(req, id: body.challenge_id, edition: e)
        let cost = body.cost ?? 0
        guard body.content.count <= 2000 else { return try CTFd.fail(.badRequest, "content is 2000 characters at most", field: "content") }
        guard (0...100_000).contains(cost) else { return try CTFd.fail(.badRequest, "cost must be between 0 and 100000", field: "cost") }
        let hint = try await CTFChallengeRows.addHint(content: body.content, cost: cost, challengeID: c.requireID(), on: req.db)
        return try CTFd.ok(CTFd.HintItem(id: try hint.requireID(), challenge_id: hint.$challenge.id, content: hint.content, cost: cost))
    }

    static func files(_ req: Request) async throws -> Response {
        try await staff(req)
        let e = try await edition(req)
        let rows = try await req.db.sql.raw("""
            SELECT f.id, f.challenge_id, f.filename, f.sha256 FROM ctf_files f JOIN ctf_challenges c ON c.id = f.challenge_id
            WHERE c.edition_id = \(bind: try e.requireID()) ORDER BY f.id
            """).all()
        return try CTFd.ok(try rows.map { r in
            let id = try r.decode(column: "id", as: Int.self)
            return CTFd.FileItem(id: id, location: Site.ctfFile.path(id, try r.decode(column: "filename", as: String.self)),
                                 challenge_id: try r.decode(column: "challenge_id", as: Int.self), sha1sum: nil)
        })
    }

    /// `POST /api/v1/files` (multipart: `challenge_id`, `type`, one or more `file`): all the files
    /// or none.
    static func createFiles(_ req: Request) async throws -> Response {
        try await staff(req)
        let parts = try MultipartParts(req)
        let e = try await edition(req)
        let c = try await challenge(req, id: parts.field("challenge_id").flatMap { Int($0) }, edition: e)
        let uploads = parts.files("file")
        guard !uploads.isEmpty else { return try CTFd.fail(.badRequest, "No file", field: "file") }
        if let big = uploads.first(where: { $0.body.readableBytes > CTFFile.maxBytes }) {
            return try CTFd.fail(.payloadTooLarge, "\(big.filename ?? "file") is over \(CTFFile.maxBytes / 1024 / 1024) MB", field: "file")
        }
        let saved = try await CTFFileService.store(uploads.map { (CTFFile.safeName($0.filename ?? ""), Data($0.body.readableBytesView)) }, challenge: c, on: req.db)
        return try CTFd.ok(try saved.map { f in
            CTFd.FileItem(id: try f.requireID(), location: Site.ctfFile.path(try f.requireID(), f.filename), challenge_id: f.$challenge.id, sha1sum: nil)
        })
    }
}
