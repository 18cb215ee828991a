import Foundation
/// A person as typed in a form or a CSV line (a company contact, a membership holder).
public struct PersonDraft: Equatable, Sendable {
    public var firstName = ""
    public var lastName = ""
    public var email = ""
    public var phone = ""
    public var gender = ""
    public var role = ""

    public init(firstName: String = "", lastName: String = "", email: String = "", phone: String = "", gender: String = "", role: String = "") {
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.gender = gender
        self.role = role
    }

    public var isBlank: Bool {
        [firstName, lastName, email, phone].allSatisfy { FieldCheck.trimmed($0).isEmpty }
    }

    public var genderValue: Gender? { Gender(loose: gender) }

    /// Checks and normalises; keys are prefixed so that several people can share one form.
    public mutating func validate(prefix: String = "") -> [String: String] {
        var errors: [String: String] = [:]
        firstName = FieldCheck.trimmed(firstName)
        lastName = FieldCheck.trimmed(lastName)
        email = FieldCheck.trimmed(email).lowercased()
        phone = FieldCheck.trimmed(phone)
        role = FieldCheck.trimmed(role)
        gender = FieldCheck.trimmed(gender)
        if lastName.isEmpty { errors[prefix + "lastName"] = "Le nom est obligatoire." }
        if firstName.isEmpty { errors[prefix + "firstName"] = "Le prénom est obligatoire." }
        for (field, value, limit) in [("firstName", firstName, 80), ("lastName", lastName, 80), ("role", role, 80)] where value.count > limit {
            errors[prefix + field] = "\(limit) caractères au maximum (\(value.count) saisis)."
        }
        if !email.isEmpty && !FieldCheck.isEmail(email) { errors[prefix + "email"] = "Adresse e-mail invalide." }
        if !phone.isEmpty && !FieldCheck.isPhone(phone) { errors[prefix + "phone"] = "Numéro de téléphone invalide." }
        if !gender.isEmpty {
            if let g = Gender(loose: gender) { gender = g.rawValue } else { errors[prefix + "gender"] = "Genre inconnu (F, H, autre ou vide)." }
        }
        return errors
    }
}
