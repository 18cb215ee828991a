import Foundation

/// What an offer is: a job, an internship or a work-study place.
public enum JobKind: String, Codable, CaseIterable, Sendable {
    case job, internship, workStudy = "work_study"

    public var label: String {
        switch self {
        case .job: "Emploi"
        case .internship: "Stage"
        case .workStudy: "Alternance"
        }
    }
}

/// The contract offered.
public enum JobContract: String, Codable, CaseIterable, Sendable {
    case permanent, fixedTerm = "fixed_term", internship, apprenticeship, freelance

    public var label: String {
        switch self {
        case .permanent: "CDI"
        case .fixedTerm: "CDD"
        case .internship: "Convention de stage"
        case .apprenticeship: "Contrat d'apprentissage ou de professionnalisation"
        case .freelance: "Mission indépendante"
        }
    }
}

/// The rules of a job offer form.
public struct JobDraft: Sendable {
    public var title = "", kind = "", contract = "", commune = "", description = "", howToApply = "", expiresOn = ""
    public init() {}

    /// Field → French message. `today` and `expiry` are calendar days in Nouméa.
    public func validate(expiry: Date?, today: Date) -> [String: String] {
        var errors: [String: String] = [:]
        if title.isEmpty { errors["title"] = "Le titre est obligatoire." } else if title.count > 150 { errors["title"] = "150 caractères au maximum." }
        if JobKind(rawValue: kind) == nil { errors["kind"] = "Choisissez le type d'offre." }
        if JobContract(rawValue: contract) == nil { errors["contract"] = "Choisissez le contrat." }
        if Communes.canonical(commune) == nil { errors["commune"] = "Choisissez une commune de Nouvelle-Calédonie." }
        if description.count < 30 { errors["description"] = "Décrivez le poste (30 caractères au moins)." } else if description.count > 8000 { errors["description"] = "8 000 caractères au maximum." }
        if howToApply.isEmpty { errors["howToApply"] = "Indiquez comment postuler (adresse e-mail, lien ou contact)." } else if howToApply.count > 500 { errors["howToApply"] = "500 caractères au maximum." }
        if let expiry {
            if expiry <= today { errors["expiresOn"] = "La date d'expiration doit être dans le futur." }
            else if expiry.timeIntervalSince(today) > 180 * 86400 { errors["expiresOn"] = "Une offre reste en ligne 6 mois au plus." }
        } else {
            errors["expiresOn"] = "Date d'expiration invalide (jj/mm/aaaa)."
        }
        return errors
    }
}
