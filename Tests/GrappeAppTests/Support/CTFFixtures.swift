import Fluent
import Foundation
import GrappeDomain
import Vapor
@testable import GrappeApp

/// Hackagou factories: an edition running at `TestClock.now`, players registered through the
/// real service, challenges with their flags, player API tokens.
enum CTFFixtures {
    static func at(_ hour: Int, _ minute: Int = 0) -> Date {
        FrenchDate.calendar.date(from: DateComponents(year: 2026, month: 9, day: 15, hour: hour, minute: minute))!
    }

    /// Edition 2026, running from 08:00 to 18:00 on the test day, registration open.
    static func edition(_ app: Application, status: CTFEditionStatus = .running, freezeAt: Date? = nil, teamSize: Int = 3,
                        brackets: [(String, Bool)] = [("Étudiants", true), ("Professionnels", false)]) async throws -> CTFEdition {
        let e = CTFEdition()
        e.$organisation.id = try await Fixtures.organisationID(app)
        e.number = 5
        e.year = 2026
        e.theme = "L'Océan"
        e.place = "Arène du Sud, Païta"
        e.about = ""
        e.startsAt = at(8)
        e.endsAt = at(18)
        e.registrationOpensAt = FrenchDate.make(2026, 9, 1)
        e.registrationClosesAt = at(17)
        e.freezeAt = freezeAt
        e.teamSize = teamSize
        e.status = status
        e.boardVersion = 0
        try await e.create(on: app.db)
        for (i, b) in brackets.enumerated() {
            try await CTFBracket(editionID: e.requireID(), name: b.0, student: b.1, position: i).create(on: app.db)
        }
        return try await CTFEdition.query(on: app.db).filter(\.$id == e.requireID()).with(\.$brackets).first()!
    }

    struct Player {
        let player: CTFPlayer
        let user: User
        var email: String { user.email }
        var teamID: Int { player.$team.id }
    }

    /// A player registered through `CTFRegistrationService`: a new team named `team` (by
    /// default after the pseudonym), or joining `join`'s team.
    static func player(_ app: Application, edition: CTFEdition, pseudonym: String, email: String, team: String? = nil,
                       join: Int? = nil, birthYear: Int = 2003, gender: Gender? = nil) async throws -> Player {
        var choice = CTFRegistration.TeamChoice.create(name: team ?? "Équipe \(pseudonym)", bracketID: edition.brackets.min { $0.position < $1.position }?.id, affiliation: "UNC")
        if let join, let code = try await CTFTeam.find(join, on: app.db)?.inviteCode { choice = .join(inviteCode: code) }
        let reg = CTFRegistration(pseudonym: pseudonym, fullName: "Joueur \(pseudonym)", email: email, birthYear: birthYear, gender: gender,
                                  acceptsRules: true, statisticsConsent: true, sharesProfile: false, team: choice)
        switch try await CTFRegistrationService.register(reg, password: Fixtures.password, companyID: nil, edition: edition, app: app, db: app.db, now: TestClock.now) {
        case .registered(let p, let u): return Player(player: p, user: u)
        case .refused(let problems): throw Abort(.badRequest, reason: "registration refused: \(problems)")
        }
    }

    @discardableResult
    static func challenge(_ app: Application, edition: CTFEdition, name: String, category: String = "Web", flag: String,
                          scoring: ChallengeScoring = .fixed(100), maxAttempts: Int = 0, visible: Bool = true,
                          regex: Bool = false, caseInsensitive: Bool = false) async throws -> CTFChallenge {
        let c = CTFChallenge()
        c.$edition.id = try edition.requireID()
        c.category = category
        c.name = name
        c.about = "Trouvez le flag de **\(name)**."
        c.connectionInfo = ""
        c.author = "OPEN NC"
        c.scoring = scoring
        c.maxAttempts = maxAttempts
        c.state = visible ? .visible : .hidden
        c.position = 0
        try await c.create(on: app.db)
        try await CTFFlag(challengeID: c.requireID(), rule: FlagRule(kind: regex ? .regex : .static, content: flag, caseInsensitive: caseInsensitive)).create(on: app.db)
        try await CTFVersion.bump(edition.requireID(), on: app.db)
        return c
    }

    static func token(_ app: Application, _ player: Player) async throws -> String {
        try await APITokenIssuer.issue(for: player.user, name: "test", on: app.db)
    }
}
