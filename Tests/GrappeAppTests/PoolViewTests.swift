import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The candidate pool drawn from candidates in memory: no database, no request.
@Suite struct PoolViewTests {
    static let now = FrenchDate.make(2026, 10, 1)

    @Test func theListLinksEachCandidateAndTheirCV() {
        let c = CandidateViewTests.candidate()
        let html = PoolView.list([c], q: "web", pages: Pagination(page: 1, perPage: 25, total: 1), now: Self.now).raw
        #expect(html.contains("<a href=\"\(Site.poolShow.path(c.id!))\">Léa &lt;Waia&gt;</a></td><td>Web &amp; mobile</td>"))
        #expect(html.contains("<td>01/09/2026</td><td><a href=\"\(Site.poolCv.path(c.id!))\">CV (PDF, 20 Ko)</a></td>"))
        #expect(html.contains("name=\"q\" type=\"search\" value=\"web\""))
        let none = PoolView.list([], q: "", pages: Pagination(page: 1, perPage: 25, total: 0), now: Self.now).raw
        #expect(none.contains("Aucune candidature pour le moment."))
        let noMatch = PoolView.list([], q: "<x>", pages: Pagination(page: 1, perPage: 25, total: 0), now: Self.now).raw
        #expect(noMatch.contains("Aucune candidature ne correspond.") && noMatch.contains("value=\"&lt;x&gt;\""))
    }

    @Test func onlyStaffSeeWhoReadTheCV() {
        let c = CandidateViewTests.candidate()
        c.message = "Disponible <tout de suite>"
        let member = PoolView.page(c, reads: nil, now: Self.now).raw
        #expect(member.contains("<a href=\"mailto:lea@example.nc\">lea@example.nc</a>") && member.contains("<p class=\"pre\">Disponible &lt;tout de suite&gt;</p>"))
        #expect(member.contains("href=\"\(Site.poolCv.path(c.id!))\">Ouvrir le CV (PDF)</a>") && !member.contains("Consultations du CV"))
        let read = CVRead(candidateID: c.id!, userID: nil, companyID: nil)
        read.$user.value = .some(User(organisationID: UUID(), email: "rh@skazy.example", passwordHash: "", role: .member, displayName: "RH <Skazy>"))
        read.$company.value = .some(nil)
        let staff = PoolView.page(c, reads: [read], now: Self.now).raw
        #expect(staff.contains("<h2>Consultations du CV</h2>") && staff.contains("<td>RH &lt;Skazy&gt;</td><td>équipe</td>"))
        #expect(PoolView.page(c, reads: [], now: Self.now).raw.contains("Ce CV n&#39;a pas encore été ouvert."))
    }
}
