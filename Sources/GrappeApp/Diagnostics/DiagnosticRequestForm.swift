import Foundation
import GrappeDomain
import Vapor

/// The public request form as typed: the domain's draft, the statistics consent, and the errors
/// `DiagnosticRequestDraft.validate(now:)` found, for the form to show back.
struct DiagnosticRequestForm: Sendable {
    static let consentWording = "J'accepte que les réponses de mon entreprise soient comptées, sans la nommer, dans les statistiques du programme de diagnostics."
    static let slotFields = ["slot1", "slot2", "slot3"]
    static let textFields = ["company", "ridet", "activity", "activityDetails", "commune", "headcount", "contactName", "email", "phone", "message"]

    var draft = DiagnosticRequestDraft()
    var consent = false
    var errors: [String: String] = [:]

    init() {}

    init(from req: Request) {
        func field(_ name: String) -> String { req.content[String.self, at: name] ?? "" }
        draft.company = field("company")
        draft.ridet = field("ridet")
        draft.activity = field("activity")
        draft.activityDetails = field("activityDetails")
        draft.commune = field("commune")
        draft.headcount = field("headcount")
        draft.contactName = field("contactName")
        draft.email = field("email")
        draft.phone = field("phone")
        draft.message = field("message")
        draft.slots = Self.slotFields.map(field)
        consent = field("consent") == "1"
    }

    /// What the form shows back: the values as typed (normalised where valid) and the errors.
    func state() -> FormState {
        var values = ["company": draft.company, "ridet": draft.ridet, "activity": draft.activity, "activityDetails": draft.activityDetails,
                      "commune": draft.commune, "headcount": draft.headcount, "contactName": draft.contactName, "email": draft.email,
                      "phone": draft.phone, "message": draft.message]
        for (index, name) in Self.slotFields.enumerated() { values[name] = index < draft.slots.count ? draft.slots[index] : "" }
        var shown = errors
        if let slots = errors["slots"] { shown["slot1"] = slots }
        return FormState(values: values, errors: shown)
    }
}
