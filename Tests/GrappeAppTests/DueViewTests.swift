import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// A due's page drawn from a due and its payments in memory: no database, no request.
@Suite struct DueViewTests {
    static let now = FrenchDate.make(2026, 4, 10)
    static let csrf: HTML = "<input name=\"_csrf\">"

    /// A 2026 due of 100 000 XPF, due on 31 March, with `paid` received.
    static func loaded(paid: Int) -> DueController.Loaded {
        let company = MemberViewFixtures.company("Skazy <SAS>")
        let due = Due(organisationID: UUID(), membershipID: UUID(), companyID: company.id!, number: DueNumber(year: 2026, sequence: 7),
                      category: .core, headcount: 12, bracketLabel: "10 à 49", baseAmount: 100_000, amount: 100_000,
                      issuedOn: FrenchDate.make(2026, 2, 1), dueOn: FrenchDate.make(2026, 3, 31))
        due.id = UUID()
        due.paid = paid
        return DueController.Loaded(due: due, summary: MemberViewFixtures.dueSummary(company, number: due.number, amount: due.amount, paid: paid),
                                    company: company, holder: nil)
    }

    static func payment(_ l: DueController.Loaded, amount: Int) -> Payment {
        let p = Payment(dueID: l.due.id!, paidOn: FrenchDate.make(2026, 3, 2), amount: amount, method: .transfer, reference: "VIR <42>", recordedBy: nil)
        p.id = UUID()
        return p
    }

    static func render(_ l: DueController.Loaded, payments: [Payment], staff: Bool, dashboardLink: Bool) -> String {
        DueView.render(l, payments: payments, payment: FormState(values: ["amount": "60000"]), adjust: FormState(values: ["amount": "100000"]),
                       trail: [], staff: staff, dashboardLink: dashboardLink, now: Self.now, csrf: Self.csrf).raw
    }

    @Test func theStaffRecordAndCancelPayments() {
        let l = Self.loaded(paid: 40_000)
        let p = Self.payment(l, amount: 40_000)
        let html = Self.render(l, payments: [p], staff: true, dashboardLink: true)
        #expect(html.contains("<a href=\"\(Site.duesDashboardIndex.path())?annee=2026\">Cotisations</a> › <a href=\"\(Site.memberShow.path(l.company))\">Skazy &lt;SAS&gt;</a>"))
        #expect(html.contains("<p class=\"lead\">Skazy &lt;SAS&gt; · <span class=\"badge badge-warn\">Reste \(Money.xpf(60_000))</span>"))
        #expect(html.contains("· échue depuis 10 jours"))
        #expect(html.contains("<td>VIR &lt;42&gt;</td>") && html.contains("action=\"\(Site.dueCancelPayment.path(l.due, p.id!))\" class=\"inline\" data-confirm=\"Annuler ce paiement ?\">\(Self.csrf.raw)"))
        #expect(html.contains("action=\"\(Site.duePay.path(l.due))\" class=\"inline-form\">\(Self.csrf.raw)") && html.contains("value=\"60000\""))
        #expect(html.contains("action=\"\(Site.dueAdjust.path(l.due))\" class=\"inline-form\">\(Self.csrf.raw)"))
        #expect(html.contains("href=\"\(Site.duePrintCall.path(l.due))\">Appel de cotisation</a>") && html.contains("href=\"\(Site.duePrintReceipt.path(l.due))\">Reçu</a>"))
        #expect(html.contains("<h2>Journal</h2>"))
    }

    @Test func aContactReadsTheirDueWithoutTheForms() {
        let l = Self.loaded(paid: 40_000)
        let html = Self.render(l, payments: [Self.payment(l, amount: 40_000)], staff: false, dashboardLink: false)
        #expect(html.contains("<span aria-current=\"page\">Cotisations</span> › <a href=\"\(Site.memberShow.path(l.company))\">"))
        #expect(html.contains("<td>VIR &lt;42&gt;</td><td></td></tr>") && html.contains(Site.duePrintReceipt.path(l.due)))
        #expect(!html.contains("<form") && !html.contains("Journal") && !html.contains("\(Site.duesDashboardIndex.path())?annee="))
    }

    @Test func aPaidDueNeedsNoPaymentForm() {
        let l = Self.loaded(paid: 100_000)
        let html = Self.render(l, payments: [Self.payment(l, amount: 100_000)], staff: true, dashboardLink: true)
        #expect(html.contains("<span class=\"badge badge-ok\">Réglée</span>") && !html.contains("échue"))
        #expect(!html.contains("action=\"\(Site.duePay.path(l.due))\"") && html.contains(Site.dueAdjust.path(l.due)))
    }

    @Test func aDueWithoutPaymentsSaysSo() {
        let l = Self.loaded(paid: 0)
        let html = Self.render(l, payments: [], staff: false, dashboardLink: true)
        #expect(html.contains("Aucun paiement enregistré.") && !html.contains("Reçu") && !html.contains("<table"))
    }
}
