import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// A company's forms drawn from values in memory: no database, no request.
@Suite struct MemberFormViewTests {
    static func company(_ name: String) -> Company {
        let c = Company(organisationID: UUID(), slug: "atelier")
        c.id = UUID()
        c.name = name
        return c
    }

    static let domains = [CompetenceDomain(organisationID: UUID(), name: "Cyber <sécurité>"), CompetenceDomain(organisationID: UUID(), name: "Web")]

    @Test func theNewMemberFormKeepsTheValuesAndTheFirstMembership() {
        var draft = CompanyDraft()
        draft.name = "Skazy <SAS>"
        draft.domains = ["Cyber <sécurité>"]
        let membership = FormState(values: ["year": "1999", "category": "core", "status": "none"], errors: ["year": "Année invalide (entre 2000 et 2100)."])
        let html = MemberFormView.newMember(draft: draft, errors: ["name": "Le nom <est> trop long."], membership: membership,
                                            domains: Self.domains, staff: true, csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("<a href=\"\(Site.memberListIndex.path())\">Adhérents</a> › <span aria-current=\"page\">Nouvel adhérent</span>"))
        #expect(html.contains("<form method=\"post\" action=\"\(Site.memberCreate.path())\" class=\"grid-form\">\n<input name=\"_csrf\">"))
        #expect(html.contains("value=\"Skazy &lt;SAS&gt;\"") && html.contains("<p class=\"error\" id=\"name-error\">Le nom &lt;est&gt; trop long.</p>"))
        #expect(html.contains("<div class=\"flash flash-error\" role=\"alert\">Une erreur empêche l&#39;enregistrement"))
        #expect(html.contains("name=\"domains[]\" value=\"Cyber &lt;sécurité&gt;\" checked> Cyber &lt;sécurité&gt;</label>"))
        #expect(html.contains("name=\"domains[]\" value=\"Web\"> Web</label>"))
        #expect(html.contains("<legend>Adhésion</legend>") && html.contains("value=\"1999\"") && html.contains("Année invalide (entre 2000 et 2100)."))
        #expect(html.contains("<option value=\"none\" selected>Aucune adhésion (professionnel de l&#39;annuaire)</option>"))
        #expect(html.contains("name=\"ridet\"") && html.contains("name=\"founding\""))
    }

    @Test func theEditFormShowsTheTeamsFieldsOnlyToTheStaff() {
        let company = Self.company("L'Atelier <SARL>")
        let contact = MemberFormView.edit(company, draft: CompanyDraft(), errors: [:], domains: [], staff: false, listLink: false, csrf: .empty).raw
        #expect(contact.contains("<span aria-current=\"page\">Adhérents</span> › <a href=\"\(Site.memberShow.path(company))\">L&#39;Atelier &lt;SARL&gt;</a>"))
        #expect(contact.contains("<h1>Modifier « L&#39;Atelier &lt;SARL&gt; »</h1>"))
        #expect(contact.contains("action=\"\(Site.memberUpdate.path(company))\"") && !contact.contains("<legend>Adhésion</legend>"))
        #expect(!contact.contains("name=\"ridet\"") && !contact.contains("name=\"founding\"") && !contact.contains("flash-error"))
        #expect(contact.contains("Aucun domaine défini"))
        let staff = MemberFormView.edit(company, draft: CompanyDraft(), errors: ["domains": "Domaine inconnu : <x>."], domains: Self.domains,
                                        staff: true, listLink: true, csrf: .empty).raw
        #expect(staff.contains("<a href=\"\(Site.memberListIndex.path())\">Adhérents</a>") && staff.contains("name=\"ridet\""))
        #expect(staff.contains("<div class=\"field has-error\"><span class=\"label\">Domaines de compétence</span>") && staff.contains("<p class=\"error\">Domaine inconnu : &lt;x&gt;.</p>"))
    }

    @Test func aContactWithoutACompanyIsToldWhoToAsk() {
        #expect(MemberFormView.noCompany().raw == "<div class=\"empty\"><p>Votre compte n&#39;est rattaché à aucune entreprise : contactez l&#39;équipe du cluster.</p></div>")
    }
}
