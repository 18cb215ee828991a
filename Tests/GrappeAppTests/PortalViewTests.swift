import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The refurbishers' and charities' own pages drawn from models in memory: no database.
@Suite struct PortalViewTests {
    typealias F = CollecteViewFixtures

    @Test func aCharityConfirmsWhatWasAllocatedToIt() {
        let asso = F.charity("Asso <Koné>")
        let p = F.pledge(F.campaign())
        let allocated = F.item(p, tag: "GC-0001", state: .allocated, charity: asso)
        let given = F.item(p, tag: "GC-0002", state: .handedOver, charity: asso)
        given.handedOverAt = FrenchDate.make(2026, 8, 4)
        let html = PortalView.charity(asso, items: [allocated, given], csrf: F.csrf).raw
        #expect(html.contains("<h1>Matériel attribué à Asso &lt;Koné&gt;</h1>"))
        #expect(html.contains("action=\"\(Site.itemMove.path(allocated.id!))\" class=\"inline\">\(F.csrf.raw)<input type=\"hidden\" name=\"state\" value=\"handed_over\">"))
        #expect(!html.contains(Site.itemMove.path(given.id!)) && html.contains("Remis le \(FrenchDate.short(FrenchDate.make(2026, 8, 4)))"))
        #expect(PortalView.charity(asso, items: [], csrf: F.csrf).raw.contains("Aucun matériel ne vous est attribué pour le moment."))
    }

    @Test func aRefurbisherFiltersItsItems() {
        let item = F.item(F.pledge(F.campaign()), tag: "GC-0003", state: .received)
        let html = PortalView.refurbisher([item], pages: Pagination(page: 1, perPage: 50, total: 1), filter: ItemFilter(query: "dell")).raw
        #expect(html.contains("action=\"\(Site.portalRefurbisher.path())\"") && html.contains("value=\"dell\""))
        #expect(html.contains("href=\"\(Site.itemShow.path(item.id!))\">GC-0003</a>"))
    }
}
