import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The item list and an item's page drawn from models in memory: no database, no request.
@Suite struct ItemViewTests {
    typealias F = CollecteViewFixtures
    static let now = FrenchDate.make(2026, 6, 15)

    static func page(_ item: CollectItem, level: ItemAccess.Level, records: [ErasureRecord] = [], moves: [CollectMove] = [], donorContact: Bool = false) -> ItemPage {
        let staff = level == .staff
        return ItemPage(item: item, level: level, moves: moves, records: records, companies: staff ? [F.company("Recycl'Info <NC>")] : [],
                        charities: staff ? [F.charity("Asso Koné")] : [], readsEverything: staff, donorContact: donorContact,
                        hasErasureRecord: !CollectService.needsErasure(item.deviceType) || !records.isEmpty)
    }

    @Test func theTableLinksEachItemAndSaysWhenNothingMatches() {
        let p = F.pledge(F.campaign())
        let item = F.item(p, tag: "GC-<7>", state: .ready, refurbisher: F.company("Recycl'Info"))
        let html = ItemView.table([item]).raw
        #expect(html.contains("<td><a href=\"\(Site.itemShow.path(item.id!))\">GC-&lt;7&gt;</a></td><td>Ordinateur portable</td><td>Latitude 5490</td>"))
        #expect(html.contains("<td>prêt à attribuer</td><td>Skazy &lt;SARL&gt;</td><td>Recycl&#39;Info</td><td>—</td>"))
        #expect(ItemView.table([]).raw == UI.emptyState("Aucun matériel ne correspond.").raw)
        let filters = ItemView.filters(ItemFilter(type: .monitor, query: "<dell>"), action: Site.portalRefurbisher.path()).raw
        #expect(filters.contains("action=\"\(Site.portalRefurbisher.path())\"") && filters.contains("value=\"&lt;dell&gt;\""))
        #expect(filters.contains("<option value=\"monitor\" selected>"))
    }

    @Test func aRefurbisherRecordsTheErasureButCannotAssign() {
        let item = F.item(F.pledge(F.campaign()), tag: "GC-0002", state: .received)
        let html = ItemView.page(Self.page(item, level: .refurbisher), error: "Refusé <net>", now: Self.now, csrf: F.csrf).raw
        #expect(html.contains("<p class=\"flash flash-error\" role=\"alert\">Refusé &lt;net&gt;</p>"))
        #expect(html.contains("action=\"\(Site.itemMove.path(item.id!))\"") && html.contains("<option value=\"\">—</option><option value=\"diagnosed\">diagnostiqué</option>"))
        #expect(html.contains("action=\"\(Site.itemErasure.path(item.id!))\"") && html.contains("value=\"2026-06-15\""))
        #expect(!html.contains(Site.itemAssign.path(item.id!)) && !html.contains(Site.itemGrade.path(item.id!)))
        #expect(html.contains("<span aria-current=\"page\">GC-0002</span>") && !html.contains("href=\"\(Site.collecteIndex.path())\""))
        #expect(html.contains("Aucun procès-verbal d&#39;effacement.") && html.contains("Promis, pas encore collecté."))
    }

    @Test func staffAssignAndSeeTheRecordsAndTheJourney() {
        let item = F.item(F.pledge(F.campaign()), tag: "GC-0003", state: .graded)
        item.grade = "B"
        item.functionalOK = true
        let r = ErasureRecord()
        r.mediaType = .ssd; r.mediaSerial = "S3<X>"; r.level = .purge; r.method = .cryptoErase; r.tool = "nwipe 0.34"
        r.verification = .full; r.operatorName = "Yann"; r.erasedOn = FrenchDate.make(2026, 6, 2)
        let m = CollectMove(itemID: item.id!, from: .refurbished, to: .graded, userID: nil, note: "Classé <B>", at: FrenchDate.make(2026, 6, 3))
        m.$user.value = .some(nil)
        let html = ItemView.page(Self.page(item, level: .staff, records: [r], moves: [m]), error: nil, now: Self.now, csrf: F.csrf).raw
        #expect(html.contains("action=\"\(Site.itemAssign.path(item.id!))\"") && html.contains(">Recycl&#39;Info &lt;NC&gt;</option>"))
        #expect(html.contains("action=\"\(Site.itemGrade.path(item.id!))\"") && html.contains("<option value=\"B\" selected>"))
        #expect(html.contains("<dd>B · tests réussis</dd>"))
        #expect(html.contains("<td>SSD (SATA) S3&lt;X&gt;</td>"))
        #expect(html.contains("<td>reconditionné → classé</td><td>—</td><td>Classé &lt;B&gt;</td>"))
        #expect(html.contains("href=\"\(Site.collecteShow.path(2026))\"") && !html.contains(Site.itemErasure.path(item.id!)))
    }

    @Test func onlyTheMovesTheRulesAllowAreOfferedWithTheLinksToThePledgeAndTheCertificate() {
        let pledge = F.pledge(F.campaign())
        // Without an erasure record, no way out of « données effacées » is offered but the exits.
        let erased = F.item(pledge, tag: "GC-0010", state: .erased)
        let noRecord = ItemView.page(Self.page(erased, level: .staff), error: nil, now: Self.now, csrf: .empty).raw
        #expect(!noRecord.contains("<option value=\"refurbished\"") && noRecord.contains("<option value=\"recycled\">"))
        // « classé » needs the grade first.
        let refurbished = F.item(pledge, tag: "GC-0011", type: .monitor, state: .refurbished)  // no storage: no record needed
        #expect(!ItemView.page(Self.page(refurbished, level: .staff), error: nil, now: Self.now, csrf: .empty).raw.contains("<option value=\"graded\""))
        refurbished.grade = "A"; refurbished.functionalOK = true
        let graded = ItemView.page(Self.page(refurbished, level: .staff), error: nil, now: Self.now, csrf: .empty).raw
        #expect(graded.contains("<option value=\"graded\">classé</option>") && !graded.contains("<option value=\"graded\" selected"))
        // Staff get the pledge and the certificate; a refurbisher neither; the donor's contact the certificate.
        #expect(graded.contains("href=\"\(Site.pledgeShow.path(pledge.id!))\"") && graded.contains("href=\"\(Site.certificateShow.path(pledge.id!))\""))
        let refurbisher = ItemView.page(Self.page(refurbished, level: .refurbisher), error: nil, now: Self.now, csrf: .empty).raw
        #expect(!refurbisher.contains(Site.pledgeShow.path(pledge.id!)))
        let donor = ItemView.page(Self.page(refurbished, level: .refurbisher, donorContact: true), error: nil, now: Self.now, csrf: .empty).raw
        #expect(donor.contains("href=\"\(Site.certificateShow.path(pledge.id!))\"") && !donor.contains("href=\"\(Site.pledgeShow.path(pledge.id!))\""))
    }

    @Test func aMonitorNeedsNoErasure() {
        let item = F.item(F.pledge(F.campaign()), tag: "GC-0004", type: .monitor, state: .received)
        let html = ItemView.page(Self.page(item, level: .read), error: nil, now: Self.now, csrf: .empty).raw
        #expect(html.contains("Sans support de stockage : pas d'effacement nécessaire."))
        #expect(!html.contains("<form"), "the board reads only")
    }
}
