import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The Grande Collecte's campaign pages drawn from models in memory: no database, no request.
@Suite struct CollecteViewTests {
    typealias F = CollecteViewFixtures

    @Test func theCampaignListOffersTheNewCampaignFormToStaffOnly() {
        let c = F.campaign()
        let staff = CollecteView.index([c], staff: true, now: FrenchDate.make(2027, 1, 15), csrf: F.csrf).raw
        #expect(staff.contains("<a href=\"\(Site.collecteShow.path(2026))\">Collecte &lt;Numérique&gt;</a>"))
        #expect(staff.contains("action=\"\(Site.collecteCreate.path())\"") && staff.contains(F.csrf.raw))
        #expect(staff.contains("value=\"2027\""), "the new campaign's year is the current one")
        let board = CollecteView.index([c], staff: false, now: FrenchDate.make(2027, 1, 15), csrf: F.csrf).raw
        #expect(!board.contains("Nouvelle campagne") && !board.contains(Site.collecteCreate.path() + "\""))
        #expect(CollecteView.index([], staff: false, now: FrenchDate.make(2027, 1, 15), csrf: .empty).raw.contains("Aucune campagne."))
    }

    @Test func thePublicSeesTheLatestFiguresAndTheAims() {
        var f = CollectFigures()
        f.byState = [.pledged: 4, .collected: 3, .handedOver: 2]
        let html = CollecteView.publicPage(latest: (F.campaign(), f)).raw
        #expect(html.contains("<span>Matériels confiés en 2026</span><strong>5</strong>"))
        #expect(html.contains("<span>Remis à des associations</span><strong>2</strong>"))
        #expect(html.contains("<li>Réduire l&#39;empreinte</li><li>Favoriser l&#39;inclusion</li>"))
        let none = CollecteView.publicPage(latest: nil).raw
        #expect(!none.contains("Les objectifs") && none.contains("href=\"\(Site.pledgePublicForm.path())\""))
    }

    static func page(staff: Bool, pledges: Bool) -> CampaignPage {
        let c = F.campaign()
        let p = F.pledge(c)
        var f = CollectFigures()
        f.byState = [.handedOver: 3]
        f.byType = [.laptop: 3]
        f.handedOverByType = [.laptop: 3]
        f.byDonor = [("Skazy <SARL>", 3)]
        let items = [F.item(p, tag: "GC-0001", state: .handedOver, refurbisher: F.company("Recycl'Info"), charity: F.charity("Asso <Koné>"))]
        return CampaignPage(campaign: c, figures: f, pledges: pledges ? [p] : [], items: items, pages: Pagination(page: 1, perPage: 50, total: 1),
                            filter: ItemFilter(state: .handedOver), staff: staff)
    }

    @Test func aCampaignShowsItsFiguresPledgesAndItems() {
        let page = Self.page(staff: true, pledges: true)
        let html = CollecteView.campaign(page).raw
        #expect(html.contains("href=\"\(Site.pledgeStaffForm.path(2026))\">Enregistrer une promesse</a>"))
        #expect(html.contains("<a href=\"\(Site.pledgeShow.path(page.pledges[0].id!))\">Skazy &lt;SARL&gt;</a></td><td>Léa Wamytan</td><td>à planifier</td>"))
        #expect(html.contains("<tr><td>Skazy &lt;SARL&gt;</td><td class=\"num\">3</td></tr>"), "the donors' column")
        #expect(html.contains("<section><h3>Par reconditionneur</h3><div class=\"empty\"><p>—</p></div></section>"))
        #expect(html.contains("<a href=\"\(Site.itemShow.path(page.items[0].id!))\">GC-0001</a>") && html.contains("Asso &lt;Koné&gt;"))
        #expect(html.contains("<option value=\"handed_over\" selected>remis</option>"), "the filter keeps its state")
        let board = CollecteView.campaign(Self.page(staff: false, pledges: false)).raw
        #expect(!board.contains("Enregistrer une promesse") && board.contains("Aucune promesse."))
    }
}
