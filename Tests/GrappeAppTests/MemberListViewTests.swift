import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The member list drawn from rows in memory: no database, no request.
@Suite struct MemberListViewTests {
    static func row(_ name: String, dueAmount: Int? = nil, paid: Int = 0, status: MembershipStatus? = .active) -> MemberRow {
        MemberRow(id: UUID(), name: name, ridet: nil, commune: "Nouméa", headcount: 4, founding: false,
                  category: status == nil ? nil : .core, status: status, dueID: dueAmount == nil ? nil : UUID(),
                  dueNumber: dueAmount == nil ? nil : "2026-0001", dueAmount: dueAmount, paid: paid, domains: ["Cyber <sécurité>"])
    }

    static func render(_ filter: MemberFilter, _ rows: [MemberRow], staff: Bool) -> String {
        MemberListView.render(filter: filter, rows: rows, pages: Pagination(page: 1, perPage: 25, total: rows.count),
                              domains: [], years: [2025], staff: staff).raw
    }

    @Test func rowsLinkToTheCompanyAndItsDue() {
        var filter = MemberFilter(year: 2026)
        filter.query = "sk"
        let owing = Self.row("Skazy <SAS>", dueAmount: 100_000, paid: 40_000)
        let settled = Self.row("Atelier", dueAmount: 50_000, paid: 50_000)
        let none = Self.row("Néo", status: nil)
        let html = Self.render(filter, [owing, settled, none], staff: true)
        #expect(html.contains("<a href=\"\(Site.memberShow.path(owing.id))\">Skazy &lt;SAS&gt;</a>") && html.contains("<small>Cyber &lt;sécurité&gt;</small>"))
        #expect(html.contains("<a href=\"\(Site.dueShow.path(owing.dueID!))\"><span class=\"badge badge-warn\">Reste \(Money.xpf(60_000))</span></a>"))
        #expect(html.contains("<a href=\"\(Site.dueShow.path(settled.dueID!))\"><span class=\"badge badge-ok\">Réglée</span></a>"))
        #expect(html.contains("<td>Sans adhésion</td><td>—</td>") && html.contains("<caption>3 entreprises · 2026</caption>"))
        #expect(html.contains("href=\"\(Site.memberListExportCSV.path())?annee=2026&amp;q=sk\">Exporter la liste (CSV)</a>"))
        #expect(html.contains("<option value=\"2026\" selected>2026</option>") && html.contains("<option value=\"2025\">2025</option>"))
        #expect(html.contains("href=\"\(Site.memberNewForm.path())\">Nouvel adhérent</a>") && html.contains("href=\"\(Site.memberImportForm.path())\">Importer (CSV)</a>"))
    }

    @Test func theBoardReadsWithoutTheStaffsButtons() {
        let html = Self.render(MemberFilter(year: 2026), [Self.row("Skazy")], staff: false)
        #expect(html.contains("<caption>1 entreprise · 2026</caption>") && html.contains("Exporter la liste (CSV)"))
        #expect(!html.contains(Site.memberNewForm.path()) && !html.contains(Site.memberImportForm.path()))
    }

    @Test func anEmptyListSaysWhy() {
        let year = Self.render(MemberFilter(year: 2026), [], staff: true)
        #expect(year.contains("Aucun adhérent pour 2026. Créez une fiche ou importez un fichier CSV.</p><a class=\"button\" href=\"\(Site.memberNewForm.path())\">"))
        #expect(!year.contains("<table"))
        var filter = MemberFilter(year: 2026)
        filter.commune = "Koné"
        let filtered = Self.render(filter, [], staff: false)
        #expect(filtered.contains("<div class=\"empty\"><p>Aucun adhérent ne correspond à ces critères.</p></div>"))
    }
}
