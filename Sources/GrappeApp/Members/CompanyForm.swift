import Fluent
import GrappeDomain
import Vapor

/// The company form: reading it from a request, and rendering it with kept values and errors.
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

    static func render(_ req: Request, action: String, draft: CompanyDraft, errors: [String: String], domains: [CompetenceDomain],
                       extra: HTML = .empty) -> HTML {
        let s = state(draft, errors: errors)
        let staff = req.viewer.isStaff
        let domainBoxes = domains.map { domain -> HTML in
            "<label class=\"chip\"><input type=\"checkbox\" name=\"domains[]\" value=\"\(domain.name)\"\(HTML.flag(.checked, draft.domains.contains(domain.name)))> \(domain.name)</label>"
        }
        return """
        \(s.summary)
        <form method="post" action="\(action)" class="grid-form">
        \(CSRF.hiddenField(req))
        <fieldset><legend>Identité</legend>
        \(Input.text("name", "Nom usuel", s, required: true, maxLength: 120))
        \(Input.text("legalName", "Raison sociale", s, maxLength: 160))
        \(staff ? Input.text("ridet", "RIDET", s, maxLength: 14, hint: "7 chiffres, suivis éventuellement des 3 chiffres d'établissement : 1234567.001") : .empty)
        \(Input.text("headcount", "Effectif (salariés)", s, type: "number", required: true, extra: " min=\"0\" max=\"100000\""))
        \(staff ? Input.checkbox("founding", "Membre fondateur", checked: draft.founding) : .empty)
        </fieldset>
        <fieldset><legend>Coordonnées</legend>
        \(Input.text("address", "Adresse", s, maxLength: 300))
        \(Input.select("commune", "Commune", s, options: Communes.all.sorted().map { ($0, $0) }, blank: "—"))
        \(Input.text("website", "Site web", s, type: "url", maxLength: 300))
        \(Input.text("email", "E-mail", s, type: "email", maxLength: 254))
        \(Input.text("phone", "Téléphone", s, type: "tel", maxLength: 25))
        \(Input.text("logoURL", "Adresse du logo (facultatif)", s, type: "url", maxLength: 300))
        </fieldset>
        <fieldset><legend>Activité</legend>
        \(Input.textarea("description", "Description", s, maxLength: 4000))
        <div class="field\(errors["domains"] != nil ? " has-error" : "")"><span class="label">Domaines de compétence</span>
        <div class="chips">\(domainBoxes.isEmpty ? "<small>Aucun domaine défini : l'équipe peut les ajouter dans « Domaines ».</small>" : HTML.join(domainBoxes))</div>
        \(errors["domains"].map { HTML("<p class=\"error\">\($0)</p>") })</div>
        \(Input.checkbox("publicProfile", Consent.directoryWording, checked: draft.publicProfile))
        </fieldset>
        \(extra)
        <div class="form-actions"><button class="primary">Enregistrer</button></div>
        </form>
        """
    }
}
