import Fluent
import Foundation
import GrappeDomain
import SQLKit
import Vapor

/// The staff's challenge pages (`CTFChallengeAdminView`): create and edit a challenge with its
/// tags and prerequisites, add flags and hints (attachments and deletions:
/// `CTFChallengePartsController`). Every change raises the board version, so
/// players see it within a second.
enum CTFChallengeAdminController {
    static func page(_ req: Request, edition e: CTFEdition, challenge: CTFChallenge?, form: CTFChallengeForm,
                     flagForm: FormState = FormState(values: ["kind": "static"]), hintForm: FormState = FormState(values: ["cost": "0"]),
                     fileError: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let others = try await CTFChallenge.query(on: req.db).filter(\.$edition.$id == e.requireID()).all().sortedInFrench(by: \.name)
            .filter { $0.id != challenge?.id }.map { (try $0.requireID(), $0.name) }
        var flags: [CTFFlag] = [], hints: [CTFHint] = [], files: [(id: Int, filename: String, size: Int)] = []
        if let id = challenge?.id {
            flags = try await CTFFlag.query(on: req.db).filter(\.$challenge.$id == id).sort(\.$id).all()
            hints = try await CTFHint.query(on: req.db).filter(\.$challenge.$id == id).sort(\.$position).all()
            files = try await CTFFileService.list(req.db, challengeID: id)
        }
        let view = CTFChallengeAdminView.render(.init(edition: e, challenge: challenge, others: others, flags: flags, hints: hints, files: files),
                                                form: form, flagForm: flagForm, hintForm: hintForm, fileError: fileError, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: challenge?.name ?? "Nouveau défi", status: status, body: view)
    }

    static func find(_ req: Request, edition e: CTFEdition) async throws -> CTFChallenge {
        guard let id = req.parameters.get("challengeID").flatMap(Int.init),
              let c = try await CTFChallenge.query(on: req.db).filter(\.$id == id).filter(\.$edition.$id == e.requireID()).with(\.$tags).first()
        else { throw Abort(.notFound) }
        return c
    }

    static func requirements(of c: CTFChallenge, on db: any Database) async throws -> Set<Int> {
        Set(try await db.sql.raw("SELECT requires_id FROM ctf_requirements WHERE challenge_id = \(bind: c.requireID())").all()
            .map { try $0.decode(column: "requires_id", as: Int.self) })
    }

    static func readForm(_ req: Request) -> CTFChallengeForm {
        CTFChallengeForm(form: FormState(values: Dictionary(uniqueKeysWithValues: CTFChallengeForm.fields.map { ($0, FieldCheck.trimmed(req.content[String.self, at: $0])) })),
                         requirements: Set((req.content[[String].self, at: "requires"] ?? []).compactMap(Int.init)))
    }

    static func newForm(_ req: Request) async throws -> Response {
        let e = try await CTFAdminController.find(req)
        return try await page(req, edition: e, challenge: nil, form: CTFChallengeForm(
            form: FormState(values: ["scoring": "static", "initial": "100", "decay": "0", "minimum": "0", "maxAttempts": "0", "state": "hidden", "position": "0"]),
            requirements: []))
    }

    static func edit(_ req: Request) async throws -> Response {
        let e = try await CTFAdminController.find(req)
        let c = try await find(req, edition: e)
        return try await page(req, edition: e, challenge: c, form: CTFChallengeForm(c, requirements: try await requirements(of: c, on: req.db)))
    }

    static func create(_ req: Request) async throws -> Response {
        let e = try await CTFAdminController.find(req)
        let c = CTFChallenge()
        c.$edition.id = try e.requireID()
        return try await store(req, edition: e, challenge: c, isNew: true)
    }

    static func save(_ req: Request) async throws -> Response {
        let e = try await CTFAdminController.find(req)
        return try await store(req, edition: e, challenge: try await find(req, edition: e), isNew: false)
    }

    static func store(_ req: Request, edition e: CTFEdition, challenge c: CTFChallenge, isNew: Bool) async throws -> Response {
        var f = readForm(req)
        let editionID = try e.requireID()
        let known = Set(try await CTFChallenge.query(on: req.db).filter(\.$edition.$id == editionID).all().compactMap(\.id))
        if !f.requirements.isSubset(of: known) { f.form.errors["requirements"] = "Prérequis inconnu." }
        guard f.apply(to: c) else { return try await page(req, edition: e, challenge: isNew ? nil : c, form: f, status: .badRequest) }
        if try await CTFChallenge.query(on: req.db).filter(\.$edition.$id == editionID).filter(\.$name == c.name).all().contains(where: { $0.id != c.id }) {
            f.form.errors["name"] = "Un défi de cette édition porte déjà ce nom."
            return try await page(req, edition: e, challenge: isNew ? nil : c, form: f, status: .badRequest)
        }
        let tags = f.tags, requirements = f.requirements
        try await req.db.transaction { db in
            try await c.save(on: db)
            let id = try c.requireID()
            try await CTFChallengeRows.replaceTags(tags, challengeID: id, on: db)
            try await CTFChallengeRows.replaceRequirements(requirements, challengeID: id, on: db)
            try await CTFVersion.bump(editionID, on: db)
        }
        return req.redirect(to: Site.ctfAdminChallenge.path(e.year, c), flash: isNew ? "Défi créé : ajoutez-lui un flag." : "Défi enregistré.")
    }

    static func addFlag(_ req: Request) async throws -> Response {
        let e = try await CTFAdminController.find(req)
        let c = try await find(req, edition: e)
        let content = req.content[String.self, at: "content"] ?? ""
        var form = FormState(values: ["kind": req.content[String.self, at: "kind"] ?? "", "content": content,
                                      "caseInsensitive": req.content[String.self, at: "caseInsensitive"] ?? ""])
        let kind = FlagRule.Kind(rawValue: form["kind"])
        if kind == nil { form.errors["kind"] = "Choisissez un type de flag." }
        let rule = FlagRule(kind: kind ?? .static, content: content.trimmingCharacters(in: .whitespacesAndNewlines), caseInsensitive: form["caseInsensitive"] == "1")
        if let problem = rule.problem { form.errors["content"] = problem }
        guard form.errors.isEmpty else {
            return try await page(req, edition: e, challenge: c, form: CTFChallengeForm(c, requirements: try await requirements(of: c, on: req.db)),
                                  flagForm: form, status: .badRequest)
        }
        try await req.db.transaction { db in
            try await CTFChallengeRows.addFlag(rule, challengeID: c.requireID(), on: db)
            try await CTFVersion.bump(e.requireID(), on: db)
        }
        return req.redirect(to: Site.ctfAdminChallenge.path(e.year, c), flash: "Flag ajouté.")
    }

    static func addHint(_ req: Request) async throws -> Response {
        let e = try await CTFAdminController.find(req)
        let c = try await find(req, edition: e)
        let content = FieldCheck.trimmed(req.content[String.self, at: "content"])
        var form = FormState(values: ["content": content, "cost": FieldCheck.trimmed(req.content[String.self, at: "cost"])])
        if content.isEmpty || content.count > 2000 { form.errors["content"] = "Écrivez l'indice (2 000 caractères au plus)." }
        let cost = Int(form["cost"])
        if cost.map({ (0...100_000).contains($0) }) != true { form.errors["cost"] = "Coût entre 0 et 100 000 points." }
        guard form.errors.isEmpty, let cost else {
            return try await page(req, edition: e, challenge: c, form: CTFChallengeForm(c, requirements: try await requirements(of: c, on: req.db)),
                                  hintForm: form, status: .badRequest)
        }
        try await CTFChallengeRows.addHint(content: content, cost: cost, challengeID: c.requireID(), on: req.db)
        return req.redirect(to: Site.ctfAdminChallenge.path(e.year, c), flash: "Indice ajouté.")
    }
}
