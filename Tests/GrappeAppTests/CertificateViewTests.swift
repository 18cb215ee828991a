import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The donor's erasure certificate drawn from models in memory: no database, no request.
@Suite struct CertificateViewTests {
    typealias F = CollecteViewFixtures

    static func org() throws -> OrganisationProfile {
        let row = Organisation(slug: "cluster", name: "OPEN NC", fullName: "Cluster <OPEN> NC", address: "Nouméa", email: "contact@open.nc",
                               phone: "26 00 00", website: "", managerName: "Jeanne Directrice")
        row.id = UUID()
        return try OrganisationProfile(row)
    }

    @Test func eachItemSaysHowItsDataWasErased() throws {
        let p = F.pledge(F.campaign())
        let laptop = F.item(p, tag: "GC-0001", state: .erased), screen = F.item(p, tag: "GC-0002", type: .monitor, state: .received)
        let waiting = F.item(p, tag: "GC-0003", state: .received), recycled = F.item(p, tag: "GC-0004", state: .recycled)
        let r = ErasureRecord()
        r.mediaType = .hdd; r.mediaSerial = "WD<1>"; r.level = .destroy; r.method = .shred; r.tool = "broyeur"
        r.verification = .full; r.operatorName = "Yann"; r.erasedOn = FrenchDate.make(2026, 6, 2)
        let page = CertificatePage(pledge: p, items: [laptop, screen, waiting, recycled], records: [laptop.id!: [r]])
        let html = CertificateView.render(page, org: try Self.org(), now: FrenchDate.make(2026, 7, 1)).raw
        #expect(html.contains("<strong>Cluster &lt;OPEN&gt; NC</strong>") && html.contains("confiés par <strong>Skazy &lt;SARL&gt;</strong>"))
        #expect(html.contains("Disque dur (HDD) n° WD&lt;1&gt; : Destruction du support,") && html.contains("contrôle : vérification complète, par Yann le"))
        #expect(html.contains("<td>SN-GC-0002</td><td>Sans support de stockage</td>"))
        #expect(html.contains("<td>SN-GC-0003</td><td>Effacement à venir</td>") && html.contains("<td>SN-GC-0004</td><td>Recyclé (destruction en filière agréée)</td>"))
        #expect(html.contains("<p>4 matériels collectés, 2 traités à ce jour.</p>"))
        #expect(html.contains("Jeanne Directrice<br>pour OPEN NC"))
        let empty = CertificateView.render(CertificatePage(pledge: p, items: [], records: [:]), org: try Self.org(), now: FrenchDate.make(2026, 7, 1)).raw
        #expect(empty.contains("Aucun matériel collecté pour l&#39;instant."))
    }
}
