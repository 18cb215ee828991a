import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The calendar settings page drawn without a request.
@Suite struct CalendarViewTests {
    @Test func theFeedsAreAbsoluteAddressesFromTheirRoutes() {
        let c = Group(organisationID: UUID(), kind: .commission, name: "Commission <Cyber>", slug: "cyber", about: "", foundedOn: nil)
        let html = CalendarView.settings(baseURL: "https://grappe.example", token: "abc_123", commissions: [c], csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("<code class=\"token\">https://grappe.example\(Site.calendarPersonal.path("abc_123.ics"))</code>"))
        #expect(html.contains("https://grappe.example/agenda/personnel/abc_123.ics"))
        #expect(html.contains("<li>Commission &lt;Cyber&gt; : <code>https://grappe.example\(Site.calendarGroup.path("cyber.ics"))</code></li>"))
        #expect(html.contains("<code>https://grappe.example\(Site.calendarPublicEvents.path())</code>"))
        #expect(html.contains("action=\"\(Site.calendarReset.path())\" class=\"inline\" data-confirm=\"Changer de lien ?\"><input name=\"_csrf\">"))
        let none = CalendarView.settings(baseURL: "https://grappe.example", token: "t", commissions: [], csrf: .empty).raw
        #expect(none.contains("Aucune commission.") && !none.contains("<ul>"))
    }
}
