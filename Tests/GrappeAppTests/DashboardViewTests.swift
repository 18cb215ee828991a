import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The staff home drawn from its model alone: no database, no request.
@Suite struct DashboardViewTests {
    static func page(unpaid: [DueSummary] = [], pendingCall: Int = 0, frozen: Date? = nil, attention: [AttentionItem] = []) -> DashboardPage {
        DashboardPage(year: 2026, dues: DuesTotals(count: 4, expected: 400_000, received: 100_000, paidCount: 1), activeMembers: 97,
                      oldestUnpaid: unpaid, failedMails: 2, pendingCall: pendingCall, endingMandates: [], meetings: [], events: [],
                      attention: attention, reportFrozenAt: frozen)
    }

    @Test func figuresAndLinksOfTheYear() {
        let html = DashboardView.render(Self.page()).raw
        #expect(html.contains("<h1>Tableau de bord 2026</h1>"))
        #expect(html.contains("href=\"/adherents?annee=2026&statut=active\">97</a>"))
        #expect(html.contains("(25 %)") && html.contains("href=\"/cotisations?annee=2026&etat=unpaid\">3</a>"))
        #expect(html.contains("href=\"/courriels?etat=failed\">2</a>"))
        #expect(html.contains("Aucun mandat ne s&#39;achève") && html.contains("Aucun impayé.") && html.contains("Pas encore figé"))
        #expect(!html.contains("sans cotisation"))
    }

    @Test func whatNeedsDoingIsShown() {
        let due = DueSummary(id: UUID(), number: "2026-0007", year: 2026, companyID: UUID(), companyName: "Cagou <Logiciels>", category: .core,
                             amount: 60_000, paid: 10_000, dueOn: FrenchDate.make(2026, 3, 5), lastRemindedAt: nil, reminderCount: 0)
        let html = DashboardView.render(Self.page(unpaid: [due], pendingCall: 3, frozen: FrenchDate.make(2027, 3, 2))).raw
        #expect(html.contains("3 adhésions actives 2026 sans cotisation"))
        #expect(html.contains("href=\"/cotisations/\(due.id.uuidString)\">2026-0007</a> — Cagou &lt;Logiciels&gt;"))
        #expect(html.contains("Publié le mardi 2 mars 2027."))
    }

    @Test func whatWaitsForADecisionLinksToWhereItIsHandled() {
        let items = [AttentionItem(count: 2, label: "demandes d'adhésion à décider", path: Site.applicationsIndex.path()),
                     AttentionItem(count: 1, label: "actualité <à modérer>", path: Site.newsManage.path())]
        let html = DashboardView.render(Self.page(attention: items)).raw
        #expect(html.contains("<section class=\"panel\"><h2>À traiter</h2><ul><li><a href=\"\(Site.applicationsIndex.path())\"><strong>2</strong> demandes d&#39;adhésion à décider</a></li>"))
        #expect(html.contains("<a href=\"\(Site.newsManage.path())\"><strong>1</strong> actualité &lt;à modérer&gt;</a>"))
        #expect(!html.contains("Rien n'attend de décision."))
        #expect(DashboardView.render(Self.page()).raw.contains("<h2>À traiter</h2><p>Rien n'attend de décision.</p>"))
    }
}
