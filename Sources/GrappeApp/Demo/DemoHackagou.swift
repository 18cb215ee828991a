import Fluent
import Foundation
import GrappeDomain
import SQLKit

/// Hackagou's editions: 2022 to 2025 with the figures of the annual report (2025: 163 players
/// on site in 62 teams of which 40 student teams, average age 23, 18 % women; 19 % in 2024, 8 %
/// in 2022 — the head counts of 2022–2024 are illustrative), 2025 with its challenges, solves and
/// wrong attempts; and the 5th edition (2026, the Ocean), running from the moment the demo is
/// loaded so that a newcomer can register a team and play at once.
enum DemoHackagou {
    static let playerEmail = "joueur@hackagou.example"

    struct Past {
        let number: Int, year: Int, theme: String, month: Int, day: Int, players: Int, teams: Int, studentTeams: Int, women: Int
    }

    static let past = [
        Past(number: 1, year: 2022, theme: "Les pirates du Pacifique", month: 10, day: 8, players: 75, teams: 28, studentTeams: 16, women: 6),
        Past(number: 2, year: 2023, theme: "Cyber-cyclone", month: 10, day: 14, players: 110, teams: 40, studentTeams: 25, women: 17),
        Past(number: 3, year: 2024, theme: "Le casse du siècle", month: 10, day: 12, players: 140, teams: 52, studentTeams: 33, women: 27),
        Past(number: 4, year: 2025, theme: "Apocalypse, une IA devenue folle menace l'humanité", month: 10, day: 11, players: 163, teams: 62, studentTeams: 40, women: 29),
    ]

    /// The 2025 challenges: category, name, flag, scoring.
    static let challenges2025: [(String, String, String, ChallengeScoring)] = [
        ("Web", "Portail de Skynet", "HACKAGOU{sql1_d4ns_l3_c0re}", .fixed(100)),
        ("Web", "Cookies empoisonnés", "HACKAGOU{j3_su1s_adm1n}", .linear(initial: 300, decay: 10, minimum: 100)),
        ("Web", "L'API qui parlait trop", "HACKAGOU{idor_partout}", .logarithmic(initial: 500, decay: 30, minimum: 100)),
        ("Crypto", "César artificiel", "HACKAGOU{rot13_c_est_pas_du_chiffrement}", .fixed(50)),
        ("Crypto", "Le modèle a fuité", "HACKAGOU{rsa_petit_e}", .logarithmic(initial: 500, decay: 25, minimum: 150)),
        ("Forensique", "Journal de bord du robot", "HACKAGOU{l0gs_n3_m3nt3nt_pas}", .fixed(150)),
        ("Forensique", "Image mémoire", "HACKAGOU{volatility_ftw}", .linear(initial: 400, decay: 15, minimum: 100)),
        ("Reverse", "Le binaire rebelle", "HACKAGOU{str1ngs_suff1t}", .fixed(200)),
        ("Reverse", "Neurone obfusqué", "HACKAGOU{ghidra_mon_ami}", .logarithmic(initial: 600, decay: 20, minimum: 200)),
        ("OSINT", "Où se cache l'IA ?", "HACKAGOU{arene_du_sud}", .fixed(100)),
        ("Réseau", "Trafic suspect", "HACKAGOU{dns_exfiltration}", .linear(initial: 300, decay: 8, minimum: 100)),
        ("Divers", "Bienvenue dans la résistance", "HACKAGOU{bienvenue}", .fixed(10)),
    ]

    /// The 2026 challenges, open to play.
    static let challenges2026: [(String, String, String, ChallengeScoring, String)] = [
        ("Divers", "Bienvenue à bord", "HACKAGOU{bienvenue_a_bord}", .fixed(10), "Le flag est écrit ici même : `HACKAGOU{bienvenue_a_bord}`."),
        ("Crypto", "Message en bouteille", "HACKAGOU{la_mer_efface_tout}", .fixed(100),
         "Une bouteille s'est échouée sur l'îlot Maître : `UNPXNTBH{yn_zre_rssnpr_gbhg}`. Que dit-elle ?"),
        ("Encodage", "Le récif caché", "HACKAGOU{base64_au_fond_du_lagon}", .linear(initial: 200, decay: 10, minimum: 50),
         "Au fond du lagon, gravé sur le corail : `SEFDS0FHT1V7YmFzZTY0X2F1X2ZvbmRfZHVfbGFnb259`."),
        ("OSINT", "Le phare", "HACKAGOU{amedee}", .fixed(150), "Quel phare, allumé en 1865, guide les bateaux vers Nouméa ? Flag : `HACKAGOU{nom_en_minuscules}`."),
        ("Forensique", "Plongée dans les journaux", "HACKAGOU{\\d{4}-marlin}", .logarithmic(initial: 300, decay: 20, minimum: 100),
         "Un plongeur a laissé un code à quatre chiffres suivi de « -marlin » dans ses notes. Toute combinaison de la bonne forme est acceptée."),
    ]

    static func load(organisationID orgID: UUID, passwordHash: String, now: Date, on db: any Database) async throws {
        for p in past { try await loadPast(p, organisationID: orgID, on: db) }
        try await load2026(organisationID: orgID, passwordHash: passwordHash, now: now, on: db)
    }

    static func edition(organisationID: UUID, number: Int, year: Int, theme: String, place: String, starts: Date, ends: Date,
                        registration: (Date, Date), freeze: Date?, status: CTFEditionStatus, on db: any Database) async throws -> CTFEdition {
        let event = ClusterEvent(organisationID: organisationID, kind: .ctf, title: "Hackagou \(year)", startsAt: starts, endsAt: ends, place: place,
                                 audience: .everyone, status: status == .ended ? .done : .planned,
                                 about: "\(number)e édition du CTF de la filière numérique : « \(theme) ».")
        try await event.create(on: db)
        let e = CTFEdition()
        e.$organisation.id = organisationID; e.number = number; e.year = year; e.theme = theme; e.place = place
        e.about = "Une journée consacrée aux métiers du numérique, avec des stands, des conférences et un CTF ouvert aux étudiants, aux lycéens et aux professionnels."
        e.startsAt = starts; e.endsAt = ends; e.registrationOpensAt = registration.0; e.registrationClosesAt = registration.1
        e.freezeAt = freeze; e.teamSize = 4; e.status = status; e.boardVersion = 0; e.$event.id = try event.requireID()
        try await e.create(on: db)
        return e
    }

    static func loadPast(_ p: Past, organisationID: UUID, on db: any Database) async throws {
        let day = FrenchDate.make(p.year, p.month, p.day)
        let e = try await edition(organisationID: organisationID, number: p.number, year: p.year, theme: p.theme,
                                  place: p.year == 2025 ? "Arène du Sud, Païta" : "Université de la Nouvelle-Calédonie, Nouméa",
                                  starts: FrenchDate.at(day, minutes: 8 * 60), ends: FrenchDate.at(day, minutes: 17 * 60),
                                  registration: (FrenchDate.make(p.year, p.month - 1, 1), FrenchDate.at(day, minutes: 8 * 60)),
                                  freeze: FrenchDate.at(day, minutes: 16 * 60), status: .ended, on: db)
        let editionID = try e.requireID()
        let students = CTFBracket(editionID: editionID, name: "Étudiants", student: true, position: 0)
        let pros = CTFBracket(editionID: editionID, name: "Professionnels", student: false, position: 1)
        try await students.create(on: db)
        try await pros.create(on: db)
        var teams: [CTFTeam] = []
        for t in 0..<p.teams {
            let team = CTFTeam()
            team.$edition.id = editionID
            team.$bracket.id = t < p.studentTeams ? students.id : pros.id
            team.name = teamName(t, year: p.year)
            team.nameKey = TextFolding.fold(team.name)
            team.affiliation = t < p.studentTeams ? ["UNC", "IUT de Nouméa", "Lycée Jules Garnier", "EPITECH (fictif)"][t % 4] : "Équipe professionnelle"
            team.inviteCode = Tokens.typable()
            team.hidden = false
            team.banned = false
            teams.append(team)
        }
        // One by one: a batch insert does not read back the ids the database generates.
        for team in teams { try await team.create(on: db) }
        var players: [CTFPlayer] = []
        for i in 0..<p.players {
            let teamIndex = i % p.teams
            let player = CTFPlayer()
            player.$edition.id = editionID
            player.$team.id = try teams[teamIndex].requireID()
            player.pseudonym = "joueur\(p.year % 100)-\(i + 1)"
            player.pseudonymKey = player.pseudonym
            player.fullName = "Joueur \(i + 1) (fictif)"
            player.email = "joueur\(i + 1)@hackagou\(p.year).example"
            player.birthYear = p.year - (17 + (i * 7) % 13)
            player.gender = (i * 37) % p.players < p.women ? .female : .male
            player.captain = i < p.teams
            player.consentedAt = FrenchDate.make(p.year, p.month - 1, 15)
            player.statisticsConsent = true
            player.sharesProfile = i % 5 == 0
            player.checkedInAt = FrenchDate.at(day, minutes: 7 * 60 + 30 + i % 30)
            players.append(player)
        }
        for player in players { try await player.create(on: db) }
        if p.year == 2025 { try await loadPlay2025(edition: e, day: day, teams: teams, players: players, on: db) }
        // The year's institutions and Afnic's foundation sponsor the day (the partners are loaded before).
        let sponsors = try await Partner.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$year == p.year)
            .filter(\.$name ~~ ["Gouvernement de la Nouvelle-Calédonie", "Province Sud", "Fondation Afnic"]).all()
        try await CTFSponsors.replace(Set(sponsors.compactMap(\.id)), editionID: editionID, on: db)
    }

    static func teamName(_ t: Int, year: Int) -> String {
        let first = ["Les", "Team", "Cyber", "Root", "Null", "Byte", "Kernel", "Shell", "Stack", "Packet", "Hex", "Bit"]
        let second = ["Cagous", "Roussettes", "Niaoulis", "Tricots rayés", "Notous", "Dugongs", "Kaoris", "Banians", "Bougnas", "Lagons", "Récifs", "Tortues"]
        return "\(first[t % first.count]) \(second[(t / first.count + t) % second.count]) \(t + 1)"
    }

    /// The 2025 day: challenges, then the solves and wrong attempts of each team.
    static func loadPlay2025(edition e: CTFEdition, day: Date, teams: [CTFTeam], players: [CTFPlayer], on db: any Database) async throws {
        let editionID = try e.requireID()
        var ids: [Int] = []
        for (i, c) in challenges2025.enumerated() {
            let ch = try await challenge(editionID: editionID, category: c.0, name: c.1, flag: c.2, scoring: c.3, position: i,
                                         about: "Défi de la 4e édition : « \(c.1) ».", on: db)
            ids.append(ch)
        }
        let start = FrenchDate.at(day, minutes: 8 * 60 + 15)
        var solves: [[any SQLExpression]] = [], attempts: [[any SQLExpression]] = []
        for (t, team) in teams.enumerated() {
            let teamID = try team.requireID()
            let members = players.filter { $0.$team.id == teamID }
            let skill = 2 + (t * 5) % 9
            for (c, challengeID) in ids.enumerated() where (c * 7 + t * 3) % 12 < skill {
                let solver = members[(t + c) % members.count]
                let at = start.addingTimeInterval(Double((t * 37 + c * 611) % 27_000))
                for k in 0..<((t + c) % 4) {
                    let wrong = k == 0 && c == 1 && t % 9 == 0 ? "HACKAGOU{skynet}" : "HACKAGOU{essai-\(t)-\(c)-\(k)}"
                    attempts.append(row(editionID, challengeID, teamID, try solver.requireID(), wrong, false, at.addingTimeInterval(Double(-60 * (k + 1)))))
                }
                attempts.append(row(editionID, challengeID, teamID, try solver.requireID(), challenges2025[c].2, true, at))
                solves.append([SQLBind(editionID), SQLBind(challengeID), SQLBind(teamID), SQLBind(try solver.requireID()), SQLBind(at)])
            }
        }
        try await insert(attempts, into: "ctf_attempts", columns: ["edition_id", "challenge_id", "team_id", "player_id", "submission", "correct", "ip", "created_at"], on: db)
        try await insert(solves, into: "ctf_solves", columns: ["edition_id", "challenge_id", "team_id", "player_id", "created_at"], on: db)
        try await db.sql.raw("""
            INSERT INTO ctf_attempt_counts (challenge_id, team_id, used)
            SELECT challenge_id, team_id, COUNT(*) FROM ctf_attempts WHERE edition_id = \(bind: editionID) GROUP BY challenge_id, team_id
            """).run()
        try await CTFVersion.bump(editionID, on: db)
    }

    /// Rows written 200 at a time: one statement each, far below both databases' bind limits.
    static func insert(_ rows: [[any SQLExpression]], into table: String, columns: [String], on db: any Database) async throws {
        for start in stride(from: 0, to: rows.count, by: 200) {
            var builder = db.sql.insert(into: table).columns(columns)
            for r in rows[start..<min(start + 200, rows.count)] { builder = builder.values(r) }
            try await builder.run()
        }
    }

    static func row(_ edition: Int, _ challenge: Int, _ team: Int, _ player: Int, _ submission: String, _ correct: Bool, _ at: Date) -> [any SQLExpression] {
        [SQLBind(edition), SQLBind(challenge), SQLBind(team), SQLBind(player), SQLBind(submission), SQLBind(correct), SQLBind("10.0.0.\(team % 250)"), SQLBind(at)]
    }

    static func challenge(editionID: Int, category: String, name: String, flag: String, scoring: ChallengeScoring, position: Int, about: String,
                          regex: Bool = false, on db: any Database) async throws -> Int {
        let c = CTFChallenge()
        c.$edition.id = editionID; c.category = category; c.name = name; c.about = about; c.connectionInfo = ""
        c.author = "Commission Cybersécurité"; c.scoring = scoring; c.maxAttempts = 0; c.state = .visible; c.position = position
        try await c.create(on: db)
        try await CTFFlag(challengeID: c.requireID(), rule: FlagRule(kind: regex ? .regex : .static, content: flag)).create(on: db)
        return try c.requireID()
    }

    /// The 5th edition, on the theme of the Ocean: running for thirty days from now.
    static func load2026(organisationID: UUID, passwordHash: String, now: Date, on db: any Database) async throws {
        let e = try await edition(organisationID: organisationID, number: 5, year: 2026, theme: "L'Océan", place: "Arène du Sud, Païta",
                                  starts: now.addingTimeInterval(-3600), ends: now.addingTimeInterval(30 * 86_400),
                                  registration: (now.addingTimeInterval(-30 * 86_400), now.addingTimeInterval(29 * 86_400)), freeze: nil,
                                  status: .running, on: db)
        let editionID = try e.requireID()
        for (i, b) in [("Étudiants", true), ("Lycéens", true), ("Professionnels", false)].enumerated() {
            try await CTFBracket(editionID: editionID, name: b.0, student: b.1, position: i).create(on: db)
        }
        for (i, c) in challenges2026.enumerated() {
            let id = try await challenge(editionID: editionID, category: c.0, name: c.1, flag: c.2, scoring: c.3, position: i, about: c.4,
                                         regex: c.2.contains("\\d"), on: db)
            if i == 1 { try await CTFHint(challengeID: id, content: "César avait un cousin qui décalait de 13.", cost: 20, position: 0).create(on: db) }
        }
        let students = try await CTFBracket.query(on: db).filter(\.$edition.$id == editionID).filter(\.$name == "Étudiants").first()
        let team = CTFTeam()
        team.$edition.id = editionID; team.$bracket.id = students?.id; team.name = "Les Tortues Grosse-Tête"; team.nameKey = TextFolding.fold(team.name)
        team.affiliation = "UNC"; team.inviteCode = "OCEAN2026"; team.hidden = false; team.banned = false
        try await team.create(on: db)
        let user = User(organisationID: organisationID, email: playerEmail, passwordHash: passwordHash, role: .player, displayName: "tortue")
        try await user.create(on: db)
        let p = CTFPlayer()
        p.$edition.id = editionID; p.$team.id = try team.requireID(); p.$user.id = try user.requireID(); p.pseudonym = "tortue"; p.pseudonymKey = "tortue"
        p.fullName = "Tortue Démo (fictif)"; p.email = playerEmail; p.birthYear = 2004; p.gender = nil; p.captain = true; p.consentedAt = now
        p.statisticsConsent = false; p.sharesProfile = false
        try await p.create(on: db)
        try await CTFVersion.bump(editionID, on: db)
    }
}
