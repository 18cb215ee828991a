import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The pledge forms and a pledge's page drawn from models in memory: no database, no request.
@Suite struct PledgeViewTests {
    typealias F = CollecteViewFixtures

    @Test func thePublicFormKeepsWhatWasTypedWithTheHoneypot() {
        var form = FormState(values: ["donorName": "Skazy <SARL>"])
        form.errors["contactEmail"] = "Adresse e-mail invalide."
        let html = PledgeView.publicPage(campaign: F.campaign(), form: form, csrf: F.csrf).raw
        #expect(html.contains("Donner du matériel à la Grande Collecte 2026"))
        #expect(html.contains("action=\"\(Site.pledgePublicSubmit.path())\" class=\"stack\">\(F.csrf.raw)\(PublicFormGuard.field.raw)"))
        #expect(html.contains("value=\"Skazy &lt;SARL&gt;\"") && html.contains("Adresse e-mail invalide."))
        #expect(!html.contains("name=\"companyID\""), "the public does not pick a member company")
        #expect(PledgeView.noCampaign.raw.contains("Aucune campagne de collecte n&#39;est ouverte pour le moment."))
    }

    @Test func theStaffFormOffersTheMemberCompanies() {
        let acme = F.company("Acme <NC>")
        let html = PledgeView.staffPage(campaign: F.campaign(), form: FormState(), companies: [acme], csrf: F.csrf).raw
        #expect(html.contains("action=\"\(Site.pledgeStaffSubmit.path(2026))\""))
        #expect(html.contains("<option value=\"\(acme.id!.uuidString)\">Acme &lt;NC&gt;</option>"))
        #expect(html.contains("<a href=\"\(Site.collecteShow.path(2026))\">2026</a>"))
    }

    @Test func aPledgeShowsItsItemsAndTheStaffsForms() {
        let p = F.pledge(F.campaign())
        let waiting = F.item(p, tag: "GC-0001"), done = F.item(p, tag: "GC-0002", state: .collected)
        let staff = PledgeView.page(p, items: [waiting, done], staff: true, csrf: F.csrf).raw
        #expect(staff.contains("<h1>Promesse de Skazy &lt;SARL&gt;</h1>"))
        #expect(staff.contains("href=\"\(Site.certificateShow.path(p))\">Certificat d'effacement</a>"))
        #expect(staff.contains("action=\"\(Site.pledgePlanPickup.path(p))\"") && staff.contains("action=\"\(Site.pledgeCollect.path(p))\""))
        #expect(staff.contains("value=\"\(waiting.id!.uuidString)\"") && !staff.contains("value=\"\(done.id!.uuidString)\""), "only pending items to collect")
        #expect(staff.contains("<dd>2 (1 encore à collecter)</dd>") && staff.contains("<a href=\"mailto:lea@skazy.example\">"))
        let board = PledgeView.page(p, items: [waiting], staff: false, csrf: F.csrf).raw
        #expect(!board.contains(Site.pledgePlanPickup.path(p)) && !board.contains(Site.pledgeCollect.path(p)) && board.contains("GC-0001"))
    }
}
