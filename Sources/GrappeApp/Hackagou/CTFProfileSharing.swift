import Fluent
import Foundation
import GrappeDomain
import SQLKit
import Vapor

/// « Partager mon profil avec les entreprises adhérentes »: a player who ticked it at
/// registration is in the candidate pool under its rules — consent recorded with its wording,
/// read only by staff and by contacts of member companies up to date with their dues (the
/// pool's guard), kept 24 months from the consent, withdrawn at any time from the team's page.
enum CTFProfileSharing {
    static let purpose = "ctf_profile"
    static let label = "Partager mon profil avec les entreprises adhérentes"
    static let consentWording = "J'accepte que mon profil de joueur (pseudonyme, nom, adresse électronique, année de naissance, école ou entreprise, défis résolus) soit partagé avec les entreprises adhérentes du cluster à jour de leur cotisation, dans le vivier de candidats, pendant 24 mois. Je peux retirer ce partage à tout moment depuis la page de mon équipe."

    /// A player in the pool, with what they solved: the vocation signal.
    struct Line: Sendable {
        let pseudonym: String
        let fullName: String
        let email: String
        let birthYear: Int
        let affiliation: String
        let year: Int
        let sharedUntil: Date
        let solves: Int
        let categories: [String]
    }

    /// The players whose sharing runs at `now`, latest edition first, each email once (its
    /// latest edition). Two queries whatever their number.
    static func pool(_ db: any Database, organisationID: UUID, now: Date) async throws -> [Line] {
        let cutoff = Retention.oldestKept(now: now, calendar: FrenchDate.calendar)
        let rows = try await db.sql.raw("""
            SELECT p.id, p.pseudonym, p.full_name, p.email, p.birth_year, p.consented_at, e.year, t.affiliation, c.name AS company
            FROM ctf_players p JOIN ctf_editions e ON e.id = p.edition_id JOIN ctf_teams t ON t.id = p.team_id
            LEFT JOIN companies c ON c.id = t.company_id
            WHERE e.organisation_id = \(bind: organisationID) AND p.shares_profile = \(bind: true) AND p.consented_at > \(bind: cutoff)
            ORDER BY e.year DESC, p.pseudonym
            """).all()
        var solved: [Int: [String: Int]] = [:]
        for r in try await db.sql.raw("""
            SELECT s.player_id, c.category, COUNT(*) AS n FROM ctf_solves s JOIN ctf_challenges c ON c.id = s.challenge_id
            JOIN ctf_players p ON p.id = s.player_id JOIN ctf_editions e ON e.id = p.edition_id
            WHERE e.organisation_id = \(bind: organisationID) AND p.shares_profile = \(bind: true) AND p.consented_at > \(bind: cutoff)
            GROUP BY s.player_id, c.category
            """).all() {
            solved[try r.decode(column: "player_id", as: Int.self), default: [:]][try r.decode(column: "category", as: String.self)] = try r.decode(column: "n", as: Int.self)
        }
        var seen = Set<String>()
        return try rows.compactMap { r in
            let email = try r.decode(column: "email", as: String.self)
            guard seen.insert(email).inserted else { return nil }
            let id = try r.decode(column: "id", as: Int.self)
            let categories = solved[id] ?? [:]
            let affiliation = try r.decode(column: "company", as: String?.self) ?? r.decode(column: "affiliation", as: String.self)
            return Line(pseudonym: try r.decode(column: "pseudonym", as: String.self), fullName: try r.decode(column: "full_name", as: String.self),
                        email: email, birthYear: try r.decode(column: "birth_year", as: Int.self), affiliation: affiliation,
                        year: try r.decode(column: "year", as: Int.self),
                        sharedUntil: Retention.expiry(from: try r.decode(column: "consented_at", as: Date.self), calendar: FrenchDate.calendar),
                        solves: categories.values.reduce(0, +), categories: categories.keys.sorted())
        }
    }

    /// When the sharing of `player` ends, or nil when it does not share (or no longer does).
    static func sharedUntil(_ player: CTFPlayer, now: Date) -> Date? {
        guard player.sharesProfile else { return nil }
        let until = Retention.expiry(from: player.consentedAt, calendar: FrenchDate.calendar)
        return Retention.isExpired(until, now: now) ? nil : until
    }

    /// Stops the sharing of every player row of `userID` (each edition) and marks the consent
    /// withdrawn, in one transaction; false when nothing was shared.
    static func withdraw(userID: UUID, organisationID: UUID, on db: any Database) async throws -> Bool {
        try await db.transaction { db in
            let rows = try await CTFPlayer.query(on: db).filter(\.$user.$id == userID).filter(\.$sharesProfile == true).all()
            guard !rows.isEmpty else { return false }
            try await CTFPlayer.query(on: db).filter(\.$user.$id == userID).set(\.$sharesProfile, to: false).update()
            for email in Set(rows.map(\.email)) { try await Consent.withdraw(on: db, organisationID: organisationID, email: email, purpose: purpose) }
            return true
        }
    }

    /// Stops the sharing of the players whose 24 months have passed; returns how many.
    @discardableResult
    static func purgeExpired(_ db: any Database, now: Date, logger: Logger) async throws -> Int {
        let cutoff = Retention.oldestKept(now: now, calendar: FrenchDate.calendar)
        let expired = try await CTFPlayer.query(on: db).filter(\.$sharesProfile == true).filter(\.$consentedAt <= cutoff).count()
        guard expired > 0 else { return 0 }
        try await CTFPlayer.query(on: db).filter(\.$sharesProfile == true).filter(\.$consentedAt <= cutoff).set(\.$sharesProfile, to: false).update()
        logger.info("Vivier : \(French.count(expired, "profil de joueur Hackagou arrivé au terme de ses 24 mois retiré", "profils de joueur Hackagou arrivés au terme de leurs 24 mois retirés")).")
        return expired
    }
}
