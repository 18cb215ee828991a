import GrappeDomain
import Vapor

/// The company form read from a request, and the values it shows again (`MemberFormView`
/// draws it).
enum CompanyForm {
    /// Reads the posted fields into a draft. Staff-only fields are read only for staff.
    static func draft(from req: Request, base: CompanyDraft?) -> CompanyDraft {
        var d = base ?? CompanyDraft()
        func field(_ key: String) -> String { req.content[String.self, at: key] ?? "" }
        d.name = field("name"); d.legalName = field("legalName"); d.address = field("address")
        d.commune = field("commune"); d.website = field("website"); d.email = field("email"); d.phone = field("phone")
        d.description = field("description"); d.headcount = field("headcount"); d.logoURL = field("logoURL")
        d.domains = req.content[[String].self, at: "domains"] ?? (req.content[String.self, at: "domains"].map { [$0] } ?? [])
        d.publicProfile = field("publicProfile") == "1"
        if req.viewer.isStaff {
            d.ridet = field("ridet")
            d.founding = field("founding") == "1"
        }
        return d
    }

    static func state(_ d: CompanyDraft, errors: [String: String] = [:]) -> FormState {
        FormState(values: ["name": d.name, "legalName": d.legalName, "ridet": d.ridet, "address": d.address, "commune": d.commune,
                           "website": d.website, "email": d.email, "phone": d.phone, "description": d.description,
                           "headcount": d.headcount, "logoURL": d.logoURL], errors: errors)
    }
}
