import Foundation
/// A company's editable details as typed in a form, a CSV line or an API call, checked by one
/// set of rules. `validate()` returns French messages per field; an empty dictionary means valid.
public struct CompanyDraft: Equatable, Sendable {
    public var name = ""
    public var legalName = ""
    public var ridet = ""
    public var address = ""
    public var commune = ""
    public var website = ""
    public var email = ""
    public var phone = ""
    public var description = ""
    public var headcount = ""
    public var logoURL = ""
    public var domains: [String] = []
    public var founding = false
    public var publicProfile = false

    public init() {}

    public static let limits: [String: Int] = [
        "name": 120, "legalName": 160, "address": 300, "website": 300, "email": 254,
        "phone": 25, "description": 4000, "logoURL": 300,
    ]

    /// Normalises the fields (trimmed, canonical commune, normalised RIDET) and lists problems.
    public mutating func validate(knownDomains: [String]? = nil) -> [String: String] {
        var errors: [String: String] = [:]
        name = FieldCheck.trimmed(name)
        legalName = FieldCheck.trimmed(legalName)
        address = FieldCheck.trimmed(address)
        website = FieldCheck.trimmed(website)
        email = FieldCheck.trimmed(email).lowercased()
        phone = FieldCheck.trimmed(phone)
        description = FieldCheck.trimmed(description)
        logoURL = FieldCheck.trimmed(logoURL)
        headcount = FieldCheck.trimmed(headcount)

        if name.isEmpty { errors["name"] = "Le nom est obligatoire." }
        let values: [String: String] = ["name": name, "legalName": legalName, "address": address, "website": website,
                                        "email": email, "phone": phone, "description": description, "logoURL": logoURL]
        for (field, value) in values {
            if let limit = Self.limits[field], value.count > limit {
                errors[field] = "\(limit) caractères au maximum (\(value.count) saisis)."
            }
        }
        let typedRidet = FieldCheck.trimmed(ridet)
        if typedRidet.isEmpty {
            ridet = ""
        } else if let normal = RIDET.normalize(typedRidet) {
            ridet = normal
        } else {
            errors["ridet"] = "RIDET invalide : 7 chiffres, suivis éventuellement de 3 chiffres d'établissement (1234567.001)."
        }
        let typedCommune = FieldCheck.trimmed(commune)
        if typedCommune.isEmpty {
            commune = ""
        } else if let canonical = Communes.canonical(typedCommune) {
            commune = canonical
        } else {
            errors["commune"] = "« \(typedCommune.prefix(60)) » n'est pas une commune de Nouvelle-Calédonie."
        }
        if !website.isEmpty && errors["website"] == nil && !FieldCheck.isWebURL(website) {
            errors["website"] = "Adresse de site invalide : elle doit commencer par https:// ou http://."
        }
        if !logoURL.isEmpty && errors["logoURL"] == nil && !FieldCheck.isWebURL(logoURL) {
            errors["logoURL"] = "Adresse de logo invalide : elle doit commencer par https:// ou http://."
        }
        if !email.isEmpty && errors["email"] == nil && !FieldCheck.isEmail(email) {
            errors["email"] = "Adresse e-mail invalide."
        }
        if !phone.isEmpty && errors["phone"] == nil && !FieldCheck.isPhone(phone) {
            errors["phone"] = "Numéro de téléphone invalide."
        }
        if let problem = FieldCheck.checkHeadcount(&headcount) { errors["headcount"] = problem }
        domains = domains.map(FieldCheck.trimmed).filter { !$0.isEmpty }
        if let known = knownDomains {
            var canonical: [String] = []
            for typed in domains {
                if let match = known.first(where: { TextFolding.fold($0) == TextFolding.fold(typed) }) {
                    if !canonical.contains(match) { canonical.append(match) }
                } else {
                    errors["domains"] = "Domaine de compétence inconnu : « \(typed.prefix(60)) »."
                }
            }
            domains = canonical
        }
        return errors
    }

    public var headcountValue: Int { Int(headcount) ?? 0 }
}
