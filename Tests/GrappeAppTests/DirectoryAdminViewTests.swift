import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The directory's management page drawn from requests and profiles in memory.
@Suite struct DirectoryAdminViewTests {
    static let now = FrenchDate.make(2026, 7, 1)

    static func company(_ name: String) -> Company {
        let c = Company()
        c.id = UUID()
        c.name = name
        c.slug = "skazy"
        c.commune = "Nouméa"
        c.verifiedAt = nil
        return c
    }

    @Test func requestsCarryTheirDecisionFormAndProfilesTheirVerifyButton() {
        let c = Self.company("Skazy <SAS>")
        let r = DirectoryRequest(organisationID: UUID(), companyID: c.id!, kind: .removal, name: "Jo", email: "jo@example.nc", message: "Retirez <svp>")
        r.id = UUID()
        r.$company.value = c
        let page = DirectoryAdminPage(requests: [r], stale: [c], pages: Pagination(page: 1, perPage: 30, total: 1))
        let html = DirectoryAdminView.index(page, now: Self.now, csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("<a href=\"\(Site.directoryShow.path(c.slug))\">Skazy &lt;SAS&gt;</a>") && html.contains("Retirez &lt;svp&gt;"))
        #expect(html.contains("action=\"\(Site.directoryAdminDecide.path(r.id!))\" class=\"stack\"><input name=\"_csrf\">") && html.contains("Retirer la fiche"))
        #expect(html.contains("action=\"\(Site.directoryAdminVerify.path(c))\"") && html.contains("<td>jamais</td>"))
        #expect(html.contains("href=\"\(Site.memberEditForm.path(c))\">Modifier la fiche</a>") && html.contains(FrenchDate.short(Self.now)))
    }

    @Test func anEmptyDirectorySaysSo() {
        let html = DirectoryAdminView.index(DirectoryAdminPage(requests: [], stale: [], pages: Pagination(page: 1, perPage: 30, total: 0)),
                                            now: Self.now, csrf: .empty).raw
        #expect(html.contains("Aucune demande en attente.") && html.contains("Aucune fiche publique.") && !html.contains("<table"))
    }
}
