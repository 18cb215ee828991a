import Fluent
import Foundation
import GrappeDomain
import SQLKit
import Vapor

/// The staff's edition pages (`CTFAdminView`): create and edit an edition (with its brackets
/// and its event in the calendar), move its status, see its figures and challenges.
enum CTFAdminController {
    static func index(_ req: Request) async throws -> Response {
        try await indexPage(req, form: FormState(values: ["teamSize": "4", "brackets": "* Étudiants\n* Lycéens\nProfessionnels"]))
    }

    static func indexPage(_ req: Request, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let lines = try await CTFEditions.lines(req.db, organisationID: try await req.organisationID(), drafts: true)
        return try await Layout.page(req, title: "Hackagou", status: status, body: CTFAdminView.index(lines, form: form, csrf: CSRF.hiddenField(req)))
    }

    static func readForm(_ req: Request) -> CTFEditionForm {
        CTFEditionForm(form: FormState(values: Dictionary(uniqueKeysWithValues: CTFEditionForm.fields.map { ($0, FieldCheck.trimmed(req.content[String.self, at: $0])) })))
    }

    static func create(_ req: Request) async throws -> Response {
        let orgID = try await req.organisationID()
        var f = readForm(req)
        let e = CTFEdition()
        e.$organisation.id = orgID
        e.status = .draft
        e.boardVersion = 0
        guard f.apply(to: e) else { return try await indexPage(req, form: f.form, status: .badRequest) }
        if try await CTFEditions.byYear(req.db, organisationID: orgID, year: e.year) != nil {
            f.form.errors["year"] = "Une édition existe déjà pour \(e.year)."
            return try await indexPage(req, form: f.form, status: .badRequest)
        }
        let brackets = f.brackets
        try await req.db.transaction { db in
            try await syncEvent(of: e, on: db)
            try await e.create(on: db)
            try await saveBrackets(brackets, editionID: e.requireID(), on: db)
        }
        return req.redirect(to: Site.ctfAdminEdition.path(e), flash: "\(e.title) créée (brouillon).")
    }

    /// The edition's day in the calendar: its event follows the edition's title, times, place and
    /// theme (unless its text was rewritten in the calendar), and is created again if it was
    /// deleted (the edition then points at the new one).
    static func syncEvent(of e: CTFEdition, on db: any Database) async throws {
        let generated = "e édition du CTF de la filière numérique : « "
        let about = "\(e.number)\(generated)\(e.theme) »."
        if let event = try await ClusterEvent.find(e.$event.id, on: db) {
            event.title = e.title; event.startsAt = e.startsAt; event.endsAt = e.endsAt; event.place = e.place
            if event.about.isEmpty || event.about.contains(generated) { event.about = about }
            try await event.save(on: db)
        } else {
            let event = ClusterEvent(organisationID: e.$organisation.id, kind: .ctf, title: e.title, startsAt: e.startsAt, endsAt: e.endsAt,
                                     place: e.place, audience: .everyone, about: about)
            try await event.create(on: db)
            e.$event.id = try event.requireID()
        }
    }

    /// Replaces the brackets by those typed, keeping the ids (and the teams) of those kept.
    static func saveBrackets(_ typed: [(name: String, student: Bool)], editionID: Int, on db: any Database) async throws {
        let existing = try await CTFBracket.query(on: db).filter(\.$edition.$id == editionID).all()
        for (i, b) in typed.enumerated() {
            if let known = existing.first(where: { TextFolding.fold($0.name) == TextFolding.fold(b.name) }) {
                known.name = b.name; known.student = b.student; known.position = i
                try await known.save(on: db)
            } else {
                try await CTFBracket(editionID: editionID, name: b.name, student: b.student, position: i).create(on: db)
            }
        }
        for gone in existing where !typed.contains(where: { TextFolding.fold($0.name) == TextFolding.fold(gone.name) }) {
            try await gone.delete(on: db)
        }
    }

    static func find(_ req: Request) async throws -> CTFEdition {
        guard let year = req.parameters.get("year").flatMap(Int.init),
              let e = try await CTFEditions.byYear(req.db, organisationID: try await req.organisationID(), year: year) else { throw Abort(.notFound) }
        return e
    }

    static func edition(_ req: Request) async throws -> Response {
        let e = try await find(req)
        return try await editionPage(req, e, form: CTFEditionForm(e).form)
    }

    /// `sponsors`: the sponsors' boxes as ticked, with what is wrong, when their form was refused;
    /// `importError`: why the last import upload was refused as a whole (`CTFImportController`).
    static func editionPage(_ req: Request, _ e: CTFEdition, form: FormState, sponsors: CTFAdminView.SponsorChoice? = nil,
                            importError: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let page = try await CTFAdminQueries.editionPage(req.db, edition: e, boards: req.application)
        return try await Layout.page(req, title: e.title, status: status,
                                     body: CTFAdminView.edition(page, form: form, sponsors: sponsors, importError: importError, csrf: CSRF.hiddenField(req)))
    }

    static func save(_ req: Request) async throws -> Response {
        let e = try await find(req)
        let year = e.year
        var f = readForm(req)
        guard f.apply(to: e) else { return try await editionPage(req, e, form: f.form, status: .badRequest) }
        if e.year != year, try await CTFEditions.byYear(req.db, organisationID: e.$organisation.id, year: e.year) != nil {
            f.form.errors["year"] = "Une édition existe déjà pour \(e.year)."
            return try await editionPage(req, try await find(req), form: f.form, status: .badRequest)
        }
        let brackets = f.brackets
        try await req.db.transaction { db in
            try await syncEvent(of: e, on: db)
            try await e.save(on: db)
            try await saveBrackets(brackets, editionID: e.requireID(), on: db)
            try await CTFVersion.bump(e.requireID(), on: db)
        }
        return req.redirect(to: Site.ctfAdminEdition.path(e), flash: "Édition enregistrée.")
    }

    static func move(_ req: Request) async throws -> Response {
        let e = try await find(req)
        guard let target = CTFEditionStatus(rawValue: req.content[String.self, at: "vers"] ?? ""), e.status.moves.contains(target) else {
            return req.redirect(to: Site.ctfAdminEdition.path(e), flash: "Ce changement d'état n'est pas possible depuis « \(e.status.label) ».", .error)
        }
        // Frozen by hand: the board players see stops now (unless a freeze time already passed).
        if target == .frozen, e.freezeAt.map({ $0 > req.now }) ?? true { e.freezeAt = req.now }
        try await req.db.transaction { db in
            e.status = target
            try await e.save(on: db)
            try await CTFVersion.bump(e.requireID(), on: db)
        }
        return req.redirect(to: Site.ctfAdminEdition.path(e), flash: "\(e.title) : « \(target.label) ».")
    }
}
