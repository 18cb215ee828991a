import Fluent
import Foundation
import GrappeDomain
import SQLKit
import Vapor

/// Hackagou's public pages (`CTFPublicView`): the editions, an edition, the registration, the
/// scoreboard, the big screen and the CTFtime feed. Draft editions are for staff only.
enum CTFPublicController {
    static func edition(_ req: Request) async throws -> CTFEdition {
        guard let year = req.parameters.get("year").flatMap(Int.init),
              let e = try await CTFEditions.byYear(req.db, organisationID: try await req.organisationID(), year: year),
              e.status != .draft || req.viewer.isStaff else { throw Abort(.notFound) }
        return e
    }

    static func index(_ req: Request) async throws -> Response {
        let lines = try await CTFEditions.lines(req.db, organisationID: try await req.organisationID(), drafts: req.viewer.isStaff)
        return try await Layout.page(req, title: "Hackagou", body: CTFPublicView.index(lines))
    }

    static func show(_ req: Request) async throws -> Response {
        let e = try await edition(req)
        let counts = try await CTFEditions.counts(req.db, organisationID: e.$organisation.id)[try e.requireID()]
        let sponsors = try await CTFSponsors.of(req.db, editionID: try e.requireID())
        return try await Layout.page(req, title: e.title, body: CTFPublicView.edition(
            e, teams: counts?.teams ?? 0, players: counts?.players ?? 0, sponsors: sponsors, registrationOpen: e.schedule.acceptsRegistration(e.status, at: req.now), now: req.now))
    }

    static func registerForm(_ req: Request) async throws -> Response {
        let e = try await edition(req)
        return try await registrationPage(req, e, form: FormState(values: ["team": req.query[String.self, at: "code"] == nil ? "create" : "join",
                                                                         "inviteCode": req.query[String.self, at: "code"] ?? ""]))
    }

    static func registrationPage(_ req: Request, _ e: CTFEdition, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        guard e.schedule.acceptsRegistration(e.status, at: req.now) else {
            return req.redirect(to: Site.ctfEdition.path(e), flash: "Les inscriptions à \(e.title) ne sont pas ouvertes.", .error)
        }
        let companies = try await CTFEditions.memberCompanies(req.db, organisationID: e.$organisation.id, year: e.year)
        return try await Layout.page(req, title: "Inscription · \(e.title)", status: status,
                                     body: CTFPublicView.registration(e, form: form, companies: companies, csrf: CSRF.hiddenField(req)))
    }

    static func register(_ req: Request) async throws -> Response {
        let e = try await edition(req)
        let field = { (name: String) in FieldCheck.trimmed(req.content[String.self, at: name]) }
        var form = FormState(values: ["pseudonym": field("pseudonym"), "fullName": field("fullName"), "email": field("email"),
                                      "birthYear": field("birthYear"), "gender": field("gender"), "team": field("team"),
                                      "teamName": field("teamName"), "bracket": field("bracket"), "affiliation": field("affiliation"),
                                      "companyID": field("companyID"), "inviteCode": field("inviteCode"),
                                      "rules": field("rules"), "statistics": field("statistics"), "shareProfile": field("shareProfile")])
        switch PublicFormGuard.check(req, form: "ctf-registration") {
        case .honeypot: return req.redirect(to: Site.ctfEdition.path(e), flash: "Inscription reçue.")
        case .limited:
            form.errors["form"] = PublicFormGuard.limitedMessage
            return try await registrationPage(req, e, form: form, status: .tooManyRequests)
        case .proceed: break
        }
        guard e.schedule.acceptsRegistration(e.status, at: req.now) else {
            return req.redirect(to: Site.ctfEdition.path(e), flash: "Les inscriptions à \(e.title) ne sont pas ouvertes.", .error)
        }
        let team: CTFRegistration.TeamChoice = form["team"] == "join"
            ? .join(inviteCode: form["inviteCode"])
            : .create(name: form["teamName"], bracketID: Int(form["bracket"]), affiliation: form["affiliation"])
        let reg = CTFRegistration(pseudonym: form["pseudonym"], fullName: form["fullName"], email: form["email"], birthYear: Int(form["birthYear"]),
                                  gender: Gender(rawValue: form["gender"]), acceptsRules: form["rules"] == "1",
                                  statisticsConsent: form["statistics"] == "1", sharesProfile: form["shareProfile"] == "1", team: team)
        let companyID = UUID(uuidString: form["companyID"])
        if let companyID, !(try await CTFEditions.memberCompanies(req.db, organisationID: e.$organisation.id, year: e.year)).contains(where: { $0.0 == companyID.uuidString }) {
            form.errors["companyID"] = "Choisissez une entreprise adhérente de la liste."
            return try await registrationPage(req, e, form: form, status: .badRequest)
        }
        switch try await CTFRegistrationService.register(reg, password: req.content[String.self, at: "password"] ?? "", companyID: companyID,
                                                         edition: e, app: req.application, db: req.db, now: req.now) {
        case .refused(let problems):
            form.errors = problems
            return try await registrationPage(req, e, form: form, status: .badRequest)
        case .registered(_, let user):
            try await SignIn.start(req, user: user)
            return req.redirect(to: Site.ctfTeam.path(), flash: "Bienvenue dans \(e.title), \(reg.pseudonym) !")
        }
    }

    static func scoreboard(_ req: Request) async throws -> Response {
        try await board(req, screen: false)
    }

    static func screen(_ req: Request) async throws -> Response {
        try await board(req, screen: true)
    }

    static func board(_ req: Request, screen: Bool) async throws -> Response {
        let e = try await edition(req)
        guard let snap = try await req.application.ctfBoards.snapshot(try e.requireID(), app: req.application) else { throw Abort(.notFound) }
        let bracket = req.query[Int.self, at: "tranche"].flatMap { id in snap.brackets.contains { $0.id == id } ? id : nil }
        let page = CTFScoreboardPage.build(snap, edition: e, bracketID: bracket, staff: req.viewer.isStaff, now: req.now, limit: screen ? 20 : nil)
        let head: HTML = screen ? "<meta http-equiv=\"refresh\" content=\"15\">" : .empty
        return try await Layout.page(req, title: "Classement · \(e.title)", head: head, body: CTFPublicView.scoreboard(page, screen: screen))
    }

    /// The feed CTFtime.org reads: `{"standings": [{"pos", "team", "score"}]}`.
    static func ctftime(_ req: Request) async throws -> Response {
        let e = try await edition(req)
        guard let snap = try await req.application.ctfBoards.snapshot(try e.requireID(), app: req.application) else { throw Abort(.notFound) }
        let rows = snap.rows(at: req.now, staff: false)
        return try CTFd.response(CTFd.CTFtimeFeed(standings: rows.enumerated().map { i, r in
            .init(pos: i + 1, team: snap.teams[r.teamID]?.name ?? "", score: r.score)
        }))
    }
}
