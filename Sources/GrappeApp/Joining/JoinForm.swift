import Fluent
import GrappeDomain
import Vapor

/// The public join form: reading, validating, quoting the fee and rendering.
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

    func render(_ req: Request, domains: [CompetenceDomain], quote: HTML) -> HTML {
        let s = state()
        let domainBoxes = domains.map { domain -> HTML in
            "<label class=\"chip\"><input type=\"checkbox\" name=\"domains[]\" value=\"\(domain.name)\"\(HTML.flag(.checked, company.domains.contains(domain.name)))> \(domain.name)</label>"
        }
        let commitments = Charter.commitments.enumerated().map { index, text in
            Input.checkbox("c\(index)", text, checked: accepted[index])
        }
        return """
        \(s.summary)
        <form method="post" action="\(Site.joinSubmit.path())" class="grid-form">
        \(CSRF.hiddenField(req))
        \(PublicFormGuard.field)
        <fieldset><legend>L'entreprise</legend>
        \(Input.text("name", "Nom usuel", s, required: true, maxLength: 120))
        \(Input.text("legalName", "Raison sociale", s, maxLength: 160))
        \(Input.text("ridet", "RIDET", s, required: true, maxLength: 14, hint: "1234567.001"))
        \(Input.text("headcount", "Effectif (salariés)", s, type: "number", required: true, extra: " min=\"0\" max=\"100000\""))
        \(Input.select("category", "Catégorie d'adhésion", s, options: MembershipCategory.allCases.map { ($0.rawValue, $0.label) }, required: true, blank: "Choisir…"))
        \(Input.text("address", "Adresse", s, maxLength: 300))
        \(Input.select("commune", "Commune", s, options: Communes.all.sorted().map { ($0, $0) }, required: true, blank: "Choisir…"))
        \(Input.text("website", "Site web", s, type: "url", maxLength: 300))
        \(Input.text("email", "E-mail de l'entreprise", s, type: "email", maxLength: 254))
        \(Input.text("phone", "Téléphone", s, type: "tel", maxLength: 25))
        \(Input.textarea("description", "Activité (quelques lignes pour l'annuaire)", s, maxLength: 4000))
        </fieldset>
        <fieldset class="\(errors["domains"] != nil ? "has-error" : "")"><legend>Domaines de compétence *</legend>
        <div class="chips">\(domainBoxes)</div>
        \(errors["domains"].map { HTML("<p class=\"error\">\($0)</p>") })
        </fieldset>
        <fieldset><legend>Le titulaire de l'adhésion</legend>
        \(Input.text("p_firstName", "Prénom", s, required: true, maxLength: 80))
        \(Input.text("p_lastName", "Nom", s, required: true, maxLength: 80))
        \(Input.text("p_email", "E-mail", s, type: "email", required: true, maxLength: 254))
        \(Input.text("p_phone", "Téléphone", s, type: "tel", maxLength: 25))
        \(Input.text("p_role", "Fonction", s, maxLength: 80))
        \(Input.select("p_gender", "Genre (facultatif, pour nos statistiques)", s, options: [("female", "Femme"), ("male", "Homme"), ("other", "Autre")], blank: "Ne pas répondre"))
        </fieldset>
        <fieldset class="\(errors["commitments"] != nil ? "has-error" : "")"><legend>La charte : les adhérents s'engagent à</legend>
        \(commitments)
        \(errors["commitments"].map { HTML("<p class=\"error\">\($0)</p>") })
        \(Input.checkbox("publicProfile", Consent.directoryWording, checked: company.publicProfile))
        </fieldset>
        \(quote)
        <div class="actions"><button name="step" value="preview" class="secondary">Calculer ma cotisation</button>
        <button name="step" value="send" class="primary">Envoyer ma demande d'adhésion</button></div>
        </form>
        """
    }
}
