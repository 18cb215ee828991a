import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// A company's page drawn from values in memory: no database, no request.
@Suite struct MemberDetailViewTests {
    static let now = FrenchDate.make(2026, 9, 15)
    static let csrf: HTML = "<input name=\"_csrf\">"

    /// A company with its holder (who has a login) and a second contact without one, a 2026
    /// membership and a due partly paid.
    struct Sample {
        let company = MemberViewFixtures.company()
        let holder: CompanyContact
        let other: CompanyContact
        let membership: Membership
        let due: DueSummary
        let login: User

        init() {
            holder = MemberViewFixtures.contact(company, "Léa", "Wamytan <DG>", email: "lea@atelier.example")
            other = MemberViewFixtures.contact(company, "Paul", "Néaoutyine", email: "paul@atelier.example", role: "DSI")
            membership = Membership(companyID: company.id!, year: 2026, category: .core, status: .active,
                                    startDate: FrenchDate.make(2026, 1, 1), holderID: holder.person.id)
            membership.$holder.value = holder.person
            due = MemberViewFixtures.dueSummary(company, amount: 100_000, paid: 40_000)
            login = User(organisationID: UUID(), email: "lea@atelier.example", passwordHash: "", role: .member, displayName: "Léa")
        }

        func render(staff: Bool, canEdit: Bool, listLink: Bool, mine: Bool) -> String {
            MemberDetailView.render(company: company, domains: ["Cyber <sécurité>"], memberships: [membership], dues: [due],
                                    contacts: [holder, other], loginsByPerson: [holder.person.id!: login], trail: [],
                                    staff: staff, canEdit: canEdit, listLink: listLink, mine: mine, now: MemberDetailViewTests.now,
                                    csrf: MemberDetailViewTests.csrf).raw
        }
    }

    @Test func theStaffSeeTheTeamsTools() {
        let s = Sample()
        let c = s.company
        let html = s.render(staff: true, canEdit: true, listLink: true, mine: false)
        #expect(html.contains("<a href=\"\(Site.memberListIndex.path())\">Adhérents</a> › <span aria-current=\"page\">L&#39;Atelier &lt;SARL&gt;</span>"))
        #expect(html.contains("<h1>L&#39;Atelier &lt;SARL&gt; </h1>") && html.contains("<dd>Cyber &lt;sécurité&gt;</dd>"))
        #expect(html.contains("href=\"\(Site.memberEditForm.path(c))\">Modifier la fiche</a>"))
        #expect(html.contains("href=\"\(Site.membershipResignForm.path(c))\">Enregistrer une démission</a>"))
        #expect(html.contains("<a href=\"\(Site.directoryShow.path(c.slug))\">voir la fiche de l'annuaire</a> (jamais vérifiée)"))
        #expect(html.contains("<td>Léa Wamytan &lt;DG&gt;<span class=\"badge badge-info\">titulaire</span></td>") && html.contains("Accès : actif"))
        #expect(html.contains("action=\"\(Site.contactGrantAccess.path(c, s.other.person.id!))\" class=\"inline\">\(Self.csrf.raw)<button class=\"secondary\">Créer un accès</button>"))
        #expect(html.contains("action=\"\(Site.contactRemove.path(c, s.other.person.id!))\""))
        #expect(!html.contains(Site.contactRemove.path(c, s.holder.person.id!)), "the holder cannot be removed")
        #expect(html.contains("action=\"\(Site.membershipSave.path(c))\" class=\"inline-form\">\(Self.csrf.raw)"))
        #expect(html.contains("action=\"\(Site.contactAdd.path(c))\" class=\"inline-form\">\(Self.csrf.raw)"))
        #expect(html.contains("<a href=\"\(Site.dueShow.path(s.due.id))\">2026-0001</a>") && html.contains("Reste \(Money.xpf(60_000))"))
        #expect(html.contains("<h2>Historique des modifications</h2>") && html.contains("Aucune modification enregistrée."))
        #expect(!html.contains("Vos services d'adhérent"), "the member services are for the company's own contacts")
    }

    @Test func aContactManagesTheirCompanyWithoutTheTeamsTools() {
        let s = Sample()
        let c = s.company
        let html = s.render(staff: false, canEdit: true, listLink: false, mine: true)
        #expect(html.contains("<span aria-current=\"page\">Adhérents</span> › <span aria-current=\"page\">L&#39;Atelier &lt;SARL&gt;</span>"))
        #expect(html.contains("<h2>Vos services d'adhérent</h2>") && html.contains("<a href=\"\(Site.jobNewForm.path())\">"))
        #expect(html.contains("<a href=\"\(Site.privacyMine.path())\">Mes données personnelles</a>"))
        #expect(html.contains("href=\"\(Site.memberEditForm.path(c))\">Modifier la fiche</a>") && html.contains(Site.contactAdd.path(c)))
        #expect(html.contains(Site.contactRemove.path(c, s.other.person.id!)))
        #expect(!html.contains("Accès :") && !html.contains(Site.contactGrantAccess.path(c, s.other.person.id!)))
        #expect(!html.contains(Site.membershipSave.path(c)) && !html.contains(Site.membershipResignForm.path(c)))
        #expect(!html.contains("Historique des modifications"))
    }

    @Test func aBoardMemberOnlyReads() {
        let s = Sample()
        let c = s.company
        let html = s.render(staff: false, canEdit: false, listLink: true, mine: false)
        #expect(html.contains("<a href=\"\(Site.memberListIndex.path())\">Adhérents</a>") && html.contains("paul@atelier.example"))
        #expect(!html.contains("Modifier la fiche") && !html.contains(Site.contactAdd.path(c)) && !html.contains("Retirer"))
        #expect(!html.contains("Vos services d'adhérent") && !html.contains("<form"))
    }

    @Test func aCompanyWithNothingYetSaysSo() {
        let c = MemberViewFixtures.company(publicProfile: false)
        let html = MemberDetailView.render(company: c, domains: [], memberships: [], dues: [], contacts: [], loginsByPerson: [:], trail: [],
                                           staff: true, canEdit: true, listLink: true, mine: false, now: FrenchDate.make(2031, 2, 1),
                                           csrf: .empty).raw
        #expect(html.contains("<p class=\"lead\">Aucune adhésion enregistrée</p>") && html.contains("Non (absente de l'annuaire)"))
        #expect(html.contains("Aucun contact.") && html.contains("Aucune adhésion.") && html.contains("Aucune cotisation émise."))
        #expect(html.contains("name=\"year\"") && html.contains("value=\"2031\""), "the membership form proposes the current year")
        #expect(!html.contains("Enregistrer une démission") && !html.contains(Site.directoryShow.path(c.slug)))
    }
}
