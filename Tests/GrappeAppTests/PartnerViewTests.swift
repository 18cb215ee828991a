import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The partners' page drawn from models in memory: no database, no request.
@Suite struct PartnerViewTests {
    static func partner(_ name: String, kind: Partner.Kind, amount: Int?, website: String = "") -> Partner {
        let p = Partner(organisationID: UUID(), year: 2026, name: name, kind: kind, amount: amount, logoURL: "javascript:alert(1)", website: website)
        p.id = UUID()
        return p
    }

    @Test func visitorsSeeNoAmountsAndStaffManageThePartners() {
        let funder = Self.partner("Province <Sud>", kind: .funder, amount: 1_500_000, website: "https://province-sud.nc")
        let sponsor = Self.partner("Banque", kind: .sponsor, amount: nil)
        let visitor = PartnerView.index(year: 2026, years: [2026], partners: [funder, sponsor], staff: false, csrf: .empty).raw
        #expect(visitor.contains("<section><h2>Financeurs</h2><ul class=\"partners\"><li><a href=\"https://province-sud.nc\" rel=\"noopener\">Province &lt;Sud&gt;</a> </li></ul></section>"))
        #expect(!visitor.contains("<img") && !visitor.contains("1 500 000") && !visitor.contains("Retirer") && !visitor.contains("Autres années"))
        let staff = PartnerView.index(year: 2026, years: [2026, 2025], partners: [funder, sponsor], staff: true, csrf: "<input name=\"_csrf\">").raw
        #expect(staff.contains("Province &lt;Sud&gt;</a> · \(Money.xpf(1_500_000))") && staff.contains("Banque · montant non renseigné"))
        #expect(staff.contains("action=\"\(Site.partnerDelete.path(funder.id!))\"") && staff.contains("<input type=\"hidden\" name=\"year\" value=\"2026\">"))
        #expect(staff.contains("<strong>2026</strong> · <a href=\"\(Site.partnerIndex.path())?annee=2025\">2025</a>"))
        let none = PartnerView.index(year: 2024, years: [], partners: [], staff: false, csrf: .empty).raw
        #expect(none.contains("Aucun partenaire enregistré pour 2024."))
    }
}
