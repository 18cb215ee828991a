import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The reminders page drawn from dues in memory: no database, no request.
@Suite struct ReminderViewTests {
    static let now = FrenchDate.make(2026, 4, 15)

    static func due(_ number: String, dueOn: Date, reminded: Date? = nil) -> DueSummary {
        DueSummary(id: UUID(), number: number, year: 2026, companyID: UUID(), companyName: "Cagou <Logiciels>", category: .core,
                   amount: 60_000, paid: 10_000, dueOn: dueOn, lastRemindedAt: reminded, reminderCount: reminded == nil ? 0 : 1)
    }

    @Test func nothingIsTickedBeforeTheStaffHasSeenTheMessage() {
        let late = Self.due("2026-0001", dueOn: FrenchDate.make(2026, 4, 5), reminded: FrenchDate.make(2026, 4, 10))
        let coming = Self.due("2026-0002", dueOn: FrenchDate.make(2026, 5, 1))
        let html = ReminderView.list([late, coming], year: 2026, now: Self.now, csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("<h1>Relances 2026</h1>"))
        #expect(html.contains("<form method=\"post\" action=\"\(Site.reminderSend.path())\"><input name=\"_csrf\">"))
        #expect(html.contains("value=\"\(late.id.uuidString)\" aria-label=\"Relancer 2026-0001\"></td>"))
        #expect(html.contains("Voir le message avant l'envoi"))
        #expect(html.contains("value=\"\(coming.id.uuidString)\" aria-label=\"Relancer 2026-0002\"></td>"))
        #expect(html.contains("<a href=\"\(Site.dueShow.path(late.id))\">2026-0001</a></td><td>Cagou &lt;Logiciels&gt;</td>"))
        #expect(html.contains("<td class=\"num\">10 j</td>") && html.contains("à échoir") && html.contains("<td>1 (10/04/2026)</td>"))
        #expect(html.contains("<caption>2 cotisations impayées</caption>"))
    }

    @Test func nothingUnpaidMeansNoForm() {
        let html = ReminderView.list([], year: nil, now: Self.now, csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("<h1>Relances</h1>") && html.contains("Aucune cotisation impayée."))
        #expect(!html.contains(Site.reminderSend.path()))
    }
}
