import Fluent
import GrappeDomain
import Vapor

/// The public join form: reading and validating (`JoinView.form` draws it).
struct JoinForm: Sendable {
    var company = CompanyDraft()
    var holder = PersonDraft()
    var category = ""
    var accepted: [Bool] = Charter.commitments.map { _ in false }
    var errors: [String: String] = [:]

    init() {}

    init(from req: Request) {
        company = CompanyForm.draft(from: req, base: nil)
        company.ridet = req.content[String.self, at: "ridet"] ?? ""
        func field(_ key: String) -> String { req.content[String.self, at: "p_" + key] ?? "" }
        holder = PersonDraft(firstName: field("firstName"), lastName: field("lastName"), email: field("email"), phone: field("phone"),
                             gender: field("gender"), role: field("role"))
        category = req.content[String.self, at: "category"] ?? ""
        accepted = Charter.commitments.indices.map { req.content[String.self, at: "c\($0)"] == "1" }
    }

    /// Normalises and checks every field; `knownDomains` are the organisation's.
    mutating func validate(knownDomains: [String]) {
        errors = company.validate(knownDomains: knownDomains)
        if company.ridet.isEmpty && errors["ridet"] == nil { errors["ridet"] = "Le RIDET est obligatoire pour adhérer." }
        if company.commune.isEmpty && errors["commune"] == nil { errors["commune"] = "Choisissez la commune du siège." }
        if company.domains.isEmpty && errors["domains"] == nil { errors["domains"] = "Cochez au moins un domaine de compétence." }
        if MembershipCategory(rawValue: category) == nil { errors["category"] = "Choisissez une catégorie d'adhésion." }
        for (key, message) in holder.validate(prefix: "p_") { errors[key] = message }
        if holder.email.isEmpty { errors["p_email"] = "L'e-mail du titulaire est obligatoire : l'accès à l'espace adhérent y sera envoyé." }
        if !accepted.allSatisfy({ $0 }) { errors["commitments"] = "Pour adhérer, acceptez chacun des trois engagements de la charte." }
    }

    var categoryValue: MembershipCategory? { MembershipCategory(rawValue: category) }

    /// The commitments as recorded with the consent.
    static var commitmentsWording: String {
        "Les adhérents s'engagent à : " + Charter.commitments.joined(separator: " ")
    }

    func state() -> FormState {
        var s = CompanyForm.state(company, errors: errors)
        let person = ["firstName": holder.firstName, "lastName": holder.lastName, "email": holder.email,
                      "phone": holder.phone, "role": holder.role, "gender": holder.gender]
        for (key, value) in person { s.values["p_" + key] = value }
        s.values["category"] = category
        return s
    }
}
