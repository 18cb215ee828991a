import Fluent
import Foundation
import GrappeDomain
import Vapor

/// Saving a registration: the login (role `player`), the team (created, or joined with its
/// invite code) and the player, in one transaction; what is refused is said per field and
/// nothing is half-written.
enum CTFRegistrationService {
    enum Outcome {
        case registered(CTFPlayer, User)
        case refused([String: String])
    }

    static func register(_ reg: CTFRegistration, password: String, companyID: UUID?, edition: CTFEdition, app: Application,
                         db: any Database, now: Date) async throws -> Outcome {
        let editionID = try edition.requireID()
        var problems = reg.problems(year: edition.year, brackets: Set(edition.brackets.compactMap(\.id)))
        if let p = PasswordRule.problem(password) { problems["password"] = p }
        guard problems.isEmpty else { return .refused(problems) }
        let email = reg.email.lowercased()
        let existing = try await User.query(on: db).filter(\.$email == email).first()
        if let existing {
            if existing.role != .player {
                return .refused(["email": "Cette adresse est celle d'un compte adhérent : inscrivez-vous avec une autre adresse (personnelle ou d'école)."])
            }
            guard (try? await app.password.async.verify(password, created: existing.passwordHash)) == true else {
                return .refused(["password": "Un compte joueur existe déjà avec cette adresse : saisissez son mot de passe."])
            }
        }
        let hash = existing == nil ? try await app.password.async.hash(password) : ""
        return try await db.transaction { db in
            // Team size and names are checked, then written, under one lock per edition.
            try await TransactionLock.acquire("ctf-registration-\(editionID)", on: db)
            if try await CTFPlayer.query(on: db).filter(\.$edition.$id == editionID).filter(\.$email == email).first() != nil {
                return .refused(["email": "Cette adresse est déjà inscrite à cette édition."])
            }
            let pseudonymKey = TextFolding.fold(reg.pseudonym)
            if try await CTFPlayer.query(on: db).filter(\.$edition.$id == editionID).filter(\.$pseudonymKey == pseudonymKey).first() != nil {
                return .refused(["pseudonym": "Ce pseudonyme est déjà pris pour cette édition."])
            }
            let team: CTFTeam
            var captain = false
            switch reg.team {
            case .create(let name, let bracketID, let affiliation):
                let key = TextFolding.fold(name)
                if try await CTFTeam.query(on: db).filter(\.$edition.$id == editionID).filter(\.$nameKey == key).first() != nil {
                    return .refused(["teamName": "Ce nom d'équipe est déjà pris."])
                }
                team = CTFTeam()
                team.$edition.id = editionID
                team.$bracket.id = bracketID
                team.name = name
                team.nameKey = key
                team.affiliation = affiliation
                team.$company.id = companyID
                team.inviteCode = Tokens.typable()
                team.hidden = false
                team.banned = false
                try await team.create(on: db)
                captain = true
            case .join(let code):
                // Looked up by the database; the public form's rate limit stops anyone guessing codes.
                guard let found = try await CTFTeam.query(on: db).filter(\.$edition.$id == editionID).filter(\.$inviteCode == code.uppercased()).first(),
                      !found.banned else {
                    return .refused(["inviteCode": "Code d'invitation inconnu pour cette édition."])
                }
                let size = try await CTFPlayer.query(on: db).filter(\.$team.$id == found.requireID()).count()
                if size >= edition.teamSize { return .refused(["inviteCode": "Cette équipe est complète (\(edition.teamSize) joueurs au plus)."]) }
                team = found
            }
            let user: User
            if let existing {
                user = existing
                user.displayName = reg.pseudonym
                try await user.save(on: db)
            } else {
                user = User(organisationID: edition.$organisation.id, email: email, passwordHash: hash, role: .player, displayName: reg.pseudonym)
                try await user.create(on: db)
            }
            let player = CTFPlayer()
            player.$edition.id = editionID
            player.$team.id = try team.requireID()
            player.$user.id = try user.requireID()
            player.pseudonym = reg.pseudonym
            player.pseudonymKey = pseudonymKey
            player.fullName = reg.fullName
            player.email = email
            player.birthYear = reg.birthYear ?? 0
            player.gender = reg.statisticsConsent ? reg.gender : nil
            player.captain = captain
            player.consentedAt = now
            player.statisticsConsent = reg.statisticsConsent
            player.sharesProfile = reg.sharesProfile
            try await player.create(on: db)
            if reg.sharesProfile {
                try await Consent.record(on: db, organisationID: edition.$organisation.id, email: email, purpose: CTFProfileSharing.purpose,
                                         wording: CTFProfileSharing.consentWording)
            }
            try await CTFVersion.bump(editionID, on: db)
            return .registered(player, user)
        }
    }
}
