import Fluent
import Foundation
import GrappeDomain
import SQLKit
import Vapor

/// The audit log keys its entries by UUID; CTF rows have integer ids (as CTFd's): the id is
/// written in the UUID's last digits.
enum CTFAuditID {
    static func of(_ id: Int) -> UUID {
        UUID(uuidString: "00000000-0000-4000-8000-" + String(format: "%012d", id))!
    }
}

/// The staff's team pages (`CTFTeamAdminView`): teams with hide, ban and awards; the phone
/// check-in; the submission log; CSV exports.
enum CTFTeamAdminController {
    static func index(_ req: Request) async throws -> Response {
        let e = try await CTFAdminController.find(req)
        let id = try e.requireID()
        guard let snap = try await req.application.ctfBoards.refresh(id, db: req.db) else { throw Abort(.notFound) }
        let live = Dictionary(uniqueKeysWithValues: snap.live.map { ($0.teamID, $0) })
        let teams = try await CTFTeam.query(on: req.db).filter(\.$edition.$id == id).with(\.$players).all()
            .sorted { $0.name.compare($1.name, locale: Locale(identifier: "fr")) == .orderedAscending }
        let lines = try teams.map { t in
            let tid = try t.requireID()
            return CTFTeamAdminView.TeamLine(id: tid, name: t.name, bracket: snap.bracketName(t.$bracket.id), affiliation: t.affiliation,
                                             players: t.players.map(\.pseudonym), hidden: t.hidden, banned: t.banned,
                                             score: live[tid]?.score ?? 0, position: live[tid]?.position)
        }
        return try await Layout.page(req, title: "Équipes · \(e.title)", body: CTFTeamAdminView.teams(e, lines, csrf: CSRF.hiddenField(req)))
    }

    static func team(_ req: Request, edition e: CTFEdition) async throws -> CTFTeam {
        guard let id = req.parameters.get("teamID").flatMap(Int.init),
              let t = try await CTFTeam.query(on: req.db).filter(\.$id == id).filter(\.$edition.$id == e.requireID()).first() else { throw Abort(.notFound) }
        return t
    }

    static func setState(_ req: Request) async throws -> Response {
        let e = try await CTFAdminController.find(req)
        let t = try await team(req, edition: e)
        let before = ["masquée": t.hidden ? "oui" : "non", "exclue": t.banned ? "oui" : "non"]
        if let hidden = req.content[String.self, at: "hidden"] { t.hidden = hidden == "1" }
        if let banned = req.content[String.self, at: "banned"] { t.banned = banned == "1" }
        let after = ["masquée": t.hidden ? "oui" : "non", "exclue": t.banned ? "oui" : "non"]
        let orgID = e.$organisation.id, user = req.viewer.user
        try await req.db.transaction { db in
            try await t.save(on: db)
            try await CTFVersion.bump(e.requireID(), on: db)
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "ctf_team", entityID: CTFAuditID.of(t.requireID()),
                                   action: "update", changes: Audit.diff(before, after))
        }
        return req.redirect(to: Site.ctfAdminTeams.path(e), flash: "\(t.name) : \(t.banned ? "exclue" : t.hidden ? "masquée du classement" : "classée").")
    }

    static func award(_ req: Request) async throws -> Response {
        let e = try await CTFAdminController.find(req)
        let t = try await team(req, edition: e)
        let name = FieldCheck.trimmed(req.content[String.self, at: "name"])
        guard let value = Int(FieldCheck.trimmed(req.content[String.self, at: "value"])), value != 0, (-100_000...100_000).contains(value),
              !name.isEmpty, name.count <= 120 else {
            return req.redirect(to: Site.ctfAdminTeams.path(e), flash: "Bonus ou pénalité : des points non nuls (±100 000) et un motif de 120 caractères au plus.", .error)
        }
        let orgID = e.$organisation.id, user = req.viewer.user
        try await req.db.transaction { db in
            let a = CTFAward()
            a.$edition.id = try e.requireID()
            a.$team.id = try t.requireID()
            a.name = name
            a.value = value
            a.createdAt = req.now
            try await a.create(on: db)
            try await CTFVersion.bump(e.requireID(), on: db)
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "ctf_team", entityID: CTFAuditID.of(t.requireID()),
                                   action: "adjust", changes: ["points": ("", String(value))], reason: name)
        }
        return req.redirect(to: Site.ctfAdminTeams.path(e), flash: "\(value > 0 ? "Bonus" : "Pénalité") de \(abs(value)) points pour \(t.name).")
    }

    static func checkIn(_ req: Request) async throws -> Response {
        let e = try await CTFAdminController.find(req)
        let id = try e.requireID()
        let q = String((req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        let players = try await CTFPlayer.query(on: req.db).filter(\.$edition.$id == id).with(\.$team).all()
        let folded = TextFolding.fold(q)
        let shown = players.filter { p in
            folded.isEmpty || [p.fullName, p.pseudonym, p.team.name].contains { TextFolding.fold($0).contains(folded) }
        }.sorted { $0.fullName.compare($1.fullName, locale: Locale(identifier: "fr")) == .orderedAscending }
        let lines = try shown.prefix(100).map {
            CTFTeamAdminView.PlayerLine(id: try $0.requireID(), pseudonym: $0.pseudonym, fullName: $0.fullName, team: $0.team.name, checkedInAt: $0.checkedInAt)
        }
        return try await Layout.page(req, title: "Accueil · \(e.title)", body: CTFTeamAdminView.checkIn(
            e, players: lines, query: q, arrived: players.filter { $0.checkedInAt != nil }.count, total: players.count, csrf: CSRF.hiddenField(req)))
    }

    static func checkInPlayer(_ req: Request) async throws -> Response {
        let e = try await CTFAdminController.find(req)
        guard let id = req.parameters.get("playerID").flatMap(Int.init),
              let p = try await CTFPlayer.query(on: req.db).filter(\.$id == id).filter(\.$edition.$id == e.requireID()).first() else { throw Abort(.notFound) }
        if p.checkedInAt == nil {
            p.checkedInAt = req.now
            try await p.save(on: req.db)
        }
        return req.redirect(to: Site.ctfAdminCheckIn.path(e), flash: "\(p.fullName) est arrivé·e.")
    }

    static func attempts(_ req: Request) async throws -> Response {
        let e = try await CTFAdminController.find(req)
        let id = try e.requireID()
        let wrongOnly = req.query[String.self, at: "faux"] == "1"
        let log = try await CTFAttemptLog.page(req.db, editionID: id, wrongOnly: wrongOnly, page: req.query[Int.self, at: "page"])
        return try await Layout.page(req, title: "Tentatives · \(e.title)", body: CTFTeamAdminView.attempts(
            e, log.lines, shared: try await CTFAttemptLog.shared(req.db, editionID: id), noisy: try await CTFAttemptLog.noisy(req.db, editionID: id),
            pages: log.pages, wrongOnly: wrongOnly))
    }

    static func teamsCSV(_ req: Request) async throws -> Response {
        let e = try await CTFAdminController.find(req)
        let teams = try await CTFTeam.query(on: req.db).filter(\.$edition.$id == e.requireID()).with(\.$players).with(\.$bracket).all()
        var rows: [[String]] = []
        for t in teams.sortedInFrench(by: \.name) {
            for p in t.players.sorted(by: { $0.pseudonym < $1.pseudonym }) {
                rows.append([t.name, t.bracket?.name ?? "", t.affiliation, p.pseudonym, p.fullName, p.email, String(p.birthYear),
                             p.gender?.label ?? "", p.captain ? "oui" : "non", p.checkedInAt.map(FrenchDate.dateTime) ?? "", t.hidden ? "oui" : "non", t.banned ? "oui" : "non"])
            }
        }
        let csv = CSVTable.write(header: ["Équipe", "Catégorie", "École ou entreprise", "Pseudonyme", "Nom", "Courriel", "Année de naissance", "Genre",
                                          "Capitaine", "Arrivée", "Masquée", "Exclue"], rows: rows)
        return CSVDownload.response(csv, filename: "hackagou-\(e.year)-equipes.csv")
    }

    static func scoreboardCSV(_ req: Request) async throws -> Response {
        let e = try await CTFAdminController.find(req)
        guard let snap = try await req.application.ctfBoards.refresh(try e.requireID(), db: req.db) else { throw Abort(.notFound) }
        let rows = snap.live.map { r in
            [String(r.position), snap.teams[r.teamID]?.name ?? "", snap.bracketName(snap.teams[r.teamID]?.bracketID) ?? "", String(r.solves), String(r.score),
             FrenchDate.dateTime(r.reachedAt)]
        }
        return CSVDownload.response(CSVTable.write(header: ["Rang", "Équipe", "Catégorie", "Défis", "Points", "Score atteint le"], rows: rows),
                                    filename: "hackagou-\(e.year)-classement.csv")
    }
}
