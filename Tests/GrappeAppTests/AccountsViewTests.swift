import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The accounts page drawn from users in memory: no database, no request.
@Suite struct AccountsViewTests {
    static func user(_ name: String, role: Role, active: Bool = true, personID: UUID? = nil) -> User {
        let u = User(organisationID: UUID(), email: "\(role.rawValue)@open.example", passwordHash: "", role: role, displayName: name, personID: personID)
        u.id = UUID()
        u.active = active
        return u
    }

    @Test func everyAccountHasItsToolsButTheReadersOwn() {
        let me = Self.user("Marie", role: .staff)
        let personID = UUID()
        let contact = Self.user("Léa <W>", role: .member, personID: personID)
        let former = Self.user("Paul", role: .board, active: false)
        let page = AccountsPage(users: [me, contact, former], companies: [personID: "Cagou, Skazy"])
        let html = AccountsView.page(page, form: FormState(values: ["role": Role.board.rawValue]), me: me.id, csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("<tr><td>Léa &lt;W&gt;</td><td>member@open.example</td>") && html.contains("<td>Cagou, Skazy</td>"))
        #expect(html.contains("<td>vous ") && !html.contains(Site.accountsDeactivate.path(me.id!)))
        #expect(html.contains("action=\"\(Site.accountsDeactivate.path(contact.id!))\"") && html.contains("action=\"\(Site.accountsSendLink.path(contact.id!))\""))
        #expect(html.contains("action=\"\(Site.accountsReactivate.path(former.id!))\"") && !html.contains(Site.accountsSendLink.path(former.id!)))
        #expect(html.contains("<caption>3 comptes</caption>") && html.contains("<option value=\"board\" selected>"))
        #expect(html.contains("<form method=\"post\" action=\"\(Site.accountsCreate.path())\" class=\"inline-form\"><input name=\"_csrf\">"))
    }
}
