import Foundation

/// A business's request for a diagnostic, as typed in the public form. `validate(now:)`
/// normalises the fields and returns French messages per field; empty means it can be saved.
public struct DiagnosticRequestDraft: Equatable, Sendable {
    public var company = ""
    public var ridet = ""
    /// « artisanale », « commerciale » or « autre » (or the raw values).
    public var activity = ""
    /// What the business does, required when the activity is « autre ».
    public var activityDetails = ""
    public var commune = ""
    public var headcount = ""
    public var contactName = ""
    public var email = ""
    public var phone = ""
    /// Preferred interview slots as a datetime-local input sends them (« 2026-12-03T09:00 »),
    /// in Nouméa time; empty entries are ignored.
    public var slots: [String] = []
    public var message = ""

    public init() {}

    public static let maxSlots = 3
    /// How far ahead a slot may be.
    public static let horizonDays = 365
    public static let limits: [String: Int] = [
        "company": 120, "activityDetails": 200, "contactName": 120, "email": 254, "phone": 25, "message": 2000,
    ]

    /// The activity once validated.
    public var activityValue: BusinessActivity? { BusinessActivity(typed: activity) }
    public var headcountValue: Int { Int(headcount) ?? 0 }
    /// The slots once validated, earliest first.
    public var slotDates: [Date] { slots.compactMap(Self.parseSlot).sorted() }

    /// « 2026-12-03T09:00 » (seconds allowed) → that minute in Nouméa; nil when not a real time.
    public static func parseSlot(_ text: String) -> Date? {
        let parts = FieldCheck.trimmed(text).split(separator: "T")
        guard parts.count == 2, let day = FrenchDate.parse(String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":").map { Int($0) }
        guard (2...3).contains(clock.count), let hour = clock[0], let minute = clock[1],
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return FrenchDate.at(day, minutes: hour * 60 + minute)
    }

    /// « 2026-12-03T09:00 », as the form shows a slot back.
    public static func slotText(_ date: Date) -> String {
        let minutes = FrenchDate.minuteOfDay(date)
        return FrenchDate.iso(date) + "T" + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    public mutating func validate(now: Date) -> [String: String] {
        var errors: [String: String] = [:]
        company = FieldCheck.trimmed(company)
        activityDetails = FieldCheck.trimmed(activityDetails)
        contactName = FieldCheck.trimmed(contactName)
        email = FieldCheck.trimmed(email).lowercased()
        phone = FieldCheck.trimmed(phone)
        headcount = FieldCheck.trimmed(headcount)
        message = FieldCheck.trimmed(message)
        slots = slots.map(FieldCheck.trimmed).filter { !$0.isEmpty }

        let values = ["company": company, "activityDetails": activityDetails, "contactName": contactName,
                      "email": email, "phone": phone, "message": message]
        for (field, value) in values {
            if let limit = Self.limits[field], value.count > limit {
                errors[field] = "\(limit) caractères au maximum (\(value.count) saisis)."
            }
        }
        if company.isEmpty { errors["company"] = "Le nom de l'entreprise est obligatoire." }
        else if FieldCheck.hasControlCharacters(company) { errors["company"] = "Le nom contient des caractères interdits." }

        let typedRidet = FieldCheck.trimmed(ridet)
        if typedRidet.isEmpty {
            errors["ridet"] = "Le RIDET est obligatoire : 7 chiffres, suivis éventuellement de 3 chiffres d'établissement (1234567.001)."
        } else if let normal = RIDET.normalize(typedRidet) {
            ridet = normal
        } else {
            errors["ridet"] = "RIDET invalide : 7 chiffres, suivis éventuellement de 3 chiffres d'établissement (1234567.001)."
        }

        if let value = BusinessActivity(typed: activity) {
            activity = value.rawValue
            if value == .other && activityDetails.isEmpty && errors["activityDetails"] == nil {
                errors["activityDetails"] = "Précisez l'activité de l'entreprise."
            }
        } else {
            errors["activity"] = "Choisissez l'activité : artisanale, commerciale ou autre."
        }

        let typedCommune = FieldCheck.trimmed(commune)
        if typedCommune.isEmpty {
            errors["commune"] = "La commune est obligatoire."
        } else if let canonical = Communes.canonical(typedCommune) {
            commune = canonical
        } else {
            errors["commune"] = "« \(typedCommune.prefix(60)) » n'est pas une commune de Nouvelle-Calédonie."
        }

        if let problem = FieldCheck.checkHeadcount(&headcount) { errors["headcount"] = problem }

        if contactName.isEmpty && errors["contactName"] == nil { errors["contactName"] = "Indiquez le nom de la personne à contacter." }
        if email.isEmpty { errors["email"] = "L'adresse e-mail est obligatoire : la confirmation du rendez-vous y sera envoyée." }
        else if errors["email"] == nil && !FieldCheck.isEmail(email) { errors["email"] = "Adresse e-mail invalide." }
        if !phone.isEmpty && errors["phone"] == nil && !FieldCheck.isPhone(phone) { errors["phone"] = "Numéro de téléphone invalide." }

        if let problem = slotProblem(now: now) { errors["slots"] = problem }
        return errors
    }

    private func slotProblem(now: Date) -> String? {
        if slots.isEmpty { return "Proposez au moins un créneau pour l'entretien d'une heure." }
        if slots.count > Self.maxSlots { return "Proposez \(Self.maxSlots) créneaux au plus." }
        var seen: Set<Date> = []
        for text in slots {
            guard let date = Self.parseSlot(text) else {
                return "Créneau illisible : « \(text.prefix(40)) » (date et heure attendues, par exemple 2026-12-03T09:00)."
            }
            if date <= now {
                return "Le créneau du \(FrenchDate.long(date)) à \(FrenchDate.clock(date)) est déjà passé : choisissez une date à venir."
            }
            if date > now.addingTimeInterval(Double(Self.horizonDays) * 86_400) {
                return "Le créneau du \(FrenchDate.long(date)) est trop lointain : un an au plus."
            }
            if !seen.insert(date).inserted {
                return "Le créneau du \(FrenchDate.long(date)) à \(FrenchDate.clock(date)) est proposé deux fois."
            }
        }
        return nil
    }
}
