import Fluent
import Foundation
import GrappeDomain
import SQLKit
import Vapor

/// `grappe ctf-bench-fill --players N --teams T --challenges C --out FILE`: a running edition
/// (year 2099, so it stands beside the demo's) with T teams and N players, each with an API
/// token, and C challenges as CTFd's benchmark had them (half static, a quarter linear, a quarter
/// logarithmic, one static flag each). Writes the tokens and flags in the format of
/// `../shared/bench/ctf/storm.sh`. For benchmarks only.
struct CTFBenchFillCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "players", help: "Joueurs (1 630 : dix fois Hackagou 2025)") var players: Int?
        @Option(name: "teams", help: "Équipes (620)") var teams: Int?
        @Option(name: "challenges", help: "Défis (40)") var challenges: Int?
        @Option(name: "out", help: "Fichier JSON des jetons et des flags") var out: String?
    }

    var help: String { "Crée une édition de Hackagou en cours, remplie pour le banc d'essai des flags." }

    struct Output: Encodable {
        struct UserToken: Encodable { let token: String }
        struct Challenge: Encodable { let id: Int; let flag: String }
        let users: [UserToken]
        let challenges: [Challenge]
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let players = signature.players ?? 1630, teamCount = signature.teams ?? 620, challengeCount = signature.challenges ?? 40
        guard (1...100_000).contains(players), (1...players).contains(teamCount), (1...1000).contains(challengeCount) else {
            throw BenchReportCommand.Refusal(description: "--players ≥ --teams ≥ 1, --challenges de 1 à 1000.")
        }
        let app = context.application
        try await Bootstrap.migrate(app)
        let orgID = try await app.currentOrganisation(on: app.db).requireID()
        guard try await CTFEdition.query(on: app.db).filter(\.$year == 2099).first() == nil else {
            throw BenchReportCommand.Refusal(description: "Cette base a déjà son édition de banc d'essai (2099).")
        }
        let now = Date()
        let hash = try await app.password.async.hash(Tokens.random(bytes: 16))
        let out = try await app.db.transaction { db -> Output in
            let e = try await DemoHackagou.edition(organisationID: orgID, number: 99, year: 2099, theme: "Banc d'essai", place: "Banc d'essai",
                                                   starts: now.addingTimeInterval(-3600), ends: now.addingTimeInterval(7 * 86_400),
                                                   registration: (now.addingTimeInterval(-86_400), now.addingTimeInterval(6 * 86_400)), freeze: nil,
                                                   status: .running, on: db)
            let editionID = try e.requireID()
            var flags: [Output.Challenge] = []
            for i in 0..<challengeCount {
                let scoring: ChallengeScoring = i < challengeCount / 2 ? .fixed(100 + 10 * i)
                    : i < challengeCount * 3 / 4 ? .linear(initial: 500, decay: 5, minimum: 100) : .logarithmic(initial: 500, decay: 200, minimum: 100)
                let flag = "HACKAGOU{banc-\(i)-\(Tokens.typable(length: 6))}"
                let id = try await DemoHackagou.challenge(editionID: editionID, category: ["Web", "Crypto", "Forensique", "Reverse"][i % 4],
                                                          name: "Défi \(i + 1)", flag: flag, scoring: scoring, position: i, about: "Défi de banc d'essai.", on: db)
                flags.append(.init(id: id, flag: flag))
            }
            var teamIDs: [Int] = []
            for t in 0..<teamCount {
                let team = CTFTeam()
                team.$edition.id = editionID; team.name = "Équipe \(t + 1)"; team.nameKey = TextFolding.fold(team.name); team.affiliation = ""
                team.inviteCode = Tokens.typable(); team.hidden = false; team.banned = false
                try await team.create(on: db)
                teamIDs.append(try team.requireID())
            }
            var tokens: [Output.UserToken] = []
            for i in 0..<players {
                let email = "banc-\(i)@hackagou.example"
                let user = User(organisationID: orgID, email: email, passwordHash: hash, role: .player, displayName: "banc\(i)")
                try await user.create(on: db)
                let p = CTFPlayer()
                p.$edition.id = editionID; p.$team.id = teamIDs[i % teamCount]; p.$user.id = try user.requireID()
                p.pseudonym = "banc\(i)"; p.pseudonymKey = p.pseudonym; p.fullName = "Joueur de banc \(i)"; p.email = email
                p.birthYear = 2000; p.captain = i < teamCount; p.consentedAt = now; p.statisticsConsent = false; p.sharesProfile = false
                try await p.create(on: db)
                tokens.append(.init(token: try await APITokenIssuer.issue(for: user, name: "banc", on: db)))
            }
            try await CTFVersion.bump(editionID, on: db)
            return Output(users: tokens, challenges: flags)
        }
        if !app.config.database.isSQLite { try await app.db.sql.raw("ANALYZE").run() }
        let json = String(decoding: try JSONEncoder().encode(out), as: UTF8.self)
        try Commands.output(json, to: signature.out, context: context)
    }
}
