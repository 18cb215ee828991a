import Fluent
import Foundation
import GrappeDomain

/// A company's forms, drawn without a request: the staff create a member with its first
/// membership; the staff or the company's contacts edit its profile. `staff` shows the fields
/// only the team fills in (RIDET, founding member). Also « Mon entreprise » without a company.
enum MemberFormView {
    /// `membership`: the year, category and status of the first membership, with their errors.
    static func newMember(draft: CompanyDraft, errors: [String: String], membership: FormState, domains: [CompetenceDomain],
                          staff: Bool, csrf: HTML) -> HTML {
        let first: HTML = """
        <fieldset><legend>Adhésion</legend>
        \(Input.text("year", "Année", membership, type: "number", required: true, extra: " min=\"2000\" max=\"2100\""))
        \(Input.select("category", "Catégorie", membership, options: MembershipCategory.allCases.map { ($0.rawValue, $0.label) }))
        \(Input.select("status", "Statut", membership, options: MembershipStatus.allCases.map { ($0.rawValue, $0.label) }
                       + [("none", "Aucune adhésion (professionnel de l'annuaire)")]))
        \(Input.text("startDate", "Date d'adhésion", membership, type: "date"))
        </fieldset>
        """
        return """
        \(UI.breadcrumbs([("Adhérents", Site.memberListIndex.path()), ("Nouvel adhérent", nil)]))
        <h1>Nouvel adhérent</h1>
        \(companyForm(action: Site.memberCreate.path(), draft: draft, errors: errors, domains: domains, staff: staff, csrf: csrf, extra: first))
        """
    }

    /// `listLink`: whether the breadcrumb links to the list of members (for who reads every company).
    static func edit(_ company: Company, draft: CompanyDraft, errors: [String: String], domains: [CompetenceDomain],
                     staff: Bool, listLink: Bool, csrf: HTML) -> HTML {
        """
        \(UI.breadcrumbs([("Adhérents", listLink ? Site.memberListIndex.path() : nil), (company.name, Site.memberShow.path(company)), ("Modifier", nil)]))
        <h1>Modifier « \(company.name) »</h1>
        \(companyForm(action: Site.memberUpdate.path(company), draft: draft, errors: errors, domains: domains, staff: staff, csrf: csrf))
        """
    }

    /// « Mon entreprise » for a member contact whose account is attached to no company.
    static func noCompany() -> HTML {
        UI.emptyState("Votre compte n'est rattaché à aucune entreprise : contactez l'équipe du cluster.")
    }

    /// The company form with its kept values and errors; `extra` goes after the company's fields.
    static func companyForm(action: String, draft: CompanyDraft, errors: [String: String], domains: [CompetenceDomain],
                            staff: Bool, csrf: HTML, extra: HTML = .empty) -> HTML {
        let s = CompanyForm.state(draft, errors: errors)
        let domainBoxes = domains.map { domain -> HTML in
            "<label class=\"chip\"><input type=\"checkbox\" name=\"domains[]\" value=\"\(domain.name)\"\(HTML.flag(.checked, draft.domains.contains(domain.name)))> \(domain.name)</label>"
        }
        return """
        \(s.summary)
        <form method="post" action="\(action)" class="grid-form">
        \(csrf)
        <fieldset><legend>Identité</legend>
        \(Input.text("name", "Nom usuel", s, required: true, maxLength: 120))
        \(Input.text("legalName", "Raison sociale", s, maxLength: 160))
        \(staff ? Input.text("ridet", "RIDET", s, maxLength: 14, hint: "7 chiffres, suivis éventuellement des 3 chiffres d'établissement : 1234567.001") : .empty)
        \(Input.text("headcount", "Effectif (salariés)", s, type: "number", required: true, extra: " min=\"0\" max=\"100000\""))
        \(staff ? Input.checkbox("founding", "Membre fondateur", checked: draft.founding) : .empty)
        </fieldset>
        <fieldset><legend>Coordonnées</legend>
        \(Input.text("address", "Adresse", s, maxLength: 300))
        \(Input.select("commune", "Commune", s, options: Communes.inFrenchOrder.map { ($0, $0) }, blank: "—"))
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
