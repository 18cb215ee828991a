import Foundation

/// A registration to an edition as typed in the public form: a player, and either a new team
/// or the invite code of an existing one. `problems` says, field by field and in French, what
/// keeps it from being saved.
public struct CTFRegistration: Sendable, Equatable {
    public enum TeamChoice: Sendable, Equatable {
        case create(name: String, bracketID: Int?, affiliation: String)
        case join(inviteCode: String)
    }

    public var pseudonym: String
    public var fullName: String
    public var email: String
    public var birthYear: Int?
    public var gender: Gender?
    public var acceptsRules: Bool
    public var statisticsConsent: Bool
    public var sharesProfile: Bool
    public var team: TeamChoice

    public init(pseudonym: String, fullName: String, email: String, birthYear: Int?, gender: Gender?, acceptsRules: Bool,
                statisticsConsent: Bool, sharesProfile: Bool, team: TeamChoice) {
        self.pseudonym = pseudonym
        self.fullName = fullName
        self.email = email
        self.birthYear = birthYear
        self.gender = gender
        self.acceptsRules = acceptsRules
        self.statisticsConsent = statisticsConsent
        self.sharesProfile = sharesProfile
        self.team = team
    }

    public static let nameLength = 2...40

    /// Field name → message; empty when the registration can be saved. `year` is the edition's.
    public func problems(year: Int, brackets: Set<Int>) -> [String: String] {
        var p: [String: String] = [:]
        if !Self.nameLength.contains(pseudonym.count) { p["pseudonym"] = "Le pseudonyme fait de 2 à 40 caractères." }
        else if FieldCheck.hasControlCharacters(pseudonym) { p["pseudonym"] = "Le pseudonyme contient des caractères interdits." }
        if fullName.count < 2 || fullName.count > 120 { p["fullName"] = "Indiquez vos nom et prénom (120 caractères au plus)." }
        if !FieldCheck.isEmail(email) { p["email"] = "Adresse électronique invalide." }
        if let y = birthYear, (year - 99)...(year - 10) ~= y {} else { p["birthYear"] = "Année de naissance invalide (entre \(year - 99) et \(year - 10))." }
        if !acceptsRules { p["rules"] = "Acceptez le règlement pour vous inscrire." }
        switch team {
        case .create(let name, let bracketID, let affiliation):
            if !Self.nameLength.contains(name.count) { p["teamName"] = "Le nom d'équipe fait de 2 à 40 caractères." }
            else if FieldCheck.hasControlCharacters(name) { p["teamName"] = "Le nom d'équipe contient des caractères interdits." }
            if !brackets.isEmpty, bracketID.map(brackets.contains) != true { p["bracket"] = "Choisissez une catégorie." }
            if affiliation.count > 120 { p["affiliation"] = "120 caractères au plus." }
        case .join(let code):
            if code.isEmpty { p["inviteCode"] = "Saisissez le code d'invitation donné par votre équipe." }
        }
        return p
    }
}
