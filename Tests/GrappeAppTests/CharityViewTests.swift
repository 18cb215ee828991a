import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The charities' list drawn from models in memory: no database, no request.
@Suite struct CharityViewTests {
    typealias F = CollecteViewFixtures

    @Test func eachCharityShowsItsLoginsAndStaffMayAddOne() {
        let asso = F.charity("Asso <Koné>"), other = F.charity("Solidarité Lifou")
        let login = User(organisationID: UUID(), email: "benevole@asso.example", passwordHash: "", role: .charity, displayName: "Asso")
        login.$charity.id = asso.id
        let staff = CharityView.index([asso, other], logins: [login], staff: true, csrf: F.csrf).raw
        #expect(staff.contains("<tr><td>Asso &lt;Koné&gt;</td><td>Koné</td><td>contact@asso.example</td><td>benevole@asso.example</td></tr>"))
        #expect(staff.contains("<tr><td>Solidarité Lifou</td><td>Koné</td><td>contact@asso.example</td><td>—</td></tr>"))
        #expect(staff.contains("action=\"\(Site.charityCreate.path())\"") && staff.contains("Ajouter et inviter"))
        let board = CharityView.index([], logins: [], staff: false, csrf: .empty).raw
        #expect(board.contains("Aucune association.") && !board.contains(Site.charityCreate.path() + "\""))
    }
}
