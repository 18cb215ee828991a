import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// A year's dues drawn from totals and dues in memory: no database, no request.
@Suite struct DuesDashboardViewTests {
    static let now = FrenchDate.make(2026, 2, 3)
    static let csrf: HTML = "<input name=\"_csrf\">"

    static func render(totals: [MembershipCategory: DuesTotals], dues: [DueSummary], hasSchedule: Bool, pendingCall: Int, staff: Bool) -> String {
        DuesDashboardView.render(year: 2026, years: [2026, 2025], state: nil, totals: totals, dues: dues,
                                 pages: Pagination(page: 1, perPage: 25, total: dues.count), hasSchedule: hasSchedule, pendingCall: pendingCall,
                                 staff: staff, now: Self.now, csrf: Self.csrf).raw
    }

    @Test func theYearsDuesLinkToEachDueAndCompany() {
        let company = MemberViewFixtures.company("Skazy <SAS>")
        let due = MemberViewFixtures.dueSummary(company, amount: 100_000, paid: 40_000)
        let totals: [MembershipCategory: DuesTotals] = [.core: DuesTotals(count: 1, expected: 100_000, received: 40_000, paidCount: 0)]
        let html = Self.render(totals: totals, dues: [due], hasSchedule: true, pendingCall: 2, staff: true)
        #expect(html.contains("<a href=\"\(Site.dueShow.path(due.id))\">2026-0001</a></td><td><a href=\"\(Site.memberShow.path(company))\">Skazy &lt;SAS&gt;</a>"))
        #expect(html.contains("<strong>2026</strong> · <a href=\"\(Site.duesDashboardIndex.path())?annee=2025\">2025</a>"))
        #expect(html.contains("<figure class=\"chart\">") && !html.contains("Aucune cotisation émise pour 2026."))
        #expect(html.contains("<li><span>Reste à encaisser</span><strong>\(Money.xpf(60_000))</strong></li>"))
        #expect(html.contains("action=\"\(Site.duesDashboardCall.path())\" class=\"inline-form\">\(Self.csrf.raw)"))
        #expect(html.contains("value=\"\(FrenchDate.iso(Self.now))\"") && html.contains("<button class=\"primary\">Lancer l'appel de cotisations 2026 (2 à émettre)</button>"))
        #expect(!html.contains("Aucun barème pour 2026"))
    }

    @Test func theCallWaitsForAScheduleAndIsForTheStaff() {
        let staff = Self.render(totals: [:], dues: [], hasSchedule: false, pendingCall: 3, staff: true)
        #expect(staff.contains("<button class=\"primary\" disabled>Lancer l'appel de cotisations 2026 (3 à émettre)</button>"))
        #expect(staff.contains("Aucun barème pour 2026 : <a href=\"\(Site.feeScheduleIndex.path())\">créez-le</a>"))
        #expect(staff.contains("Aucune cotisation émise pour 2026.") && staff.contains("Aucune cotisation dans cette sélection."))
        let board = Self.render(totals: [:], dues: [], hasSchedule: false, pendingCall: 3, staff: false)
        #expect(!board.contains(Site.duesDashboardCall.path()) && !board.contains("Aucun barème") && !board.contains("<form"))
    }
}
