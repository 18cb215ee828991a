import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

extension AppTests {
    /// The bank details block and the statement preview, drawn without a database.
    @Suite struct PaymentsViewTests {
        static let bank = BankDetails(iban: "NC4917499000101234567890102", bic: "CBCINCNX", bankName: "Banque <BCI>", accountHolder: "OPEN NC")

        @Test func theBankBlockPrintsIBANRIBAndReferenceEscaped() {
            let reference = PaymentReference(prefix: "OPEN NC", number: DueNumber(year: 2026, sequence: 42))
            let html = BankDetailsView.block(Self.bank, reference: reference).raw
            #expect(html.contains("NC49 1749 9000 1012 3456 7890 102"))
            #expect(html.contains("17499 00010 12345678901 02"))
            #expect(html.contains("OPEN-2026-0042-K"))
            #expect(html.contains("Banque &lt;BCI&gt;"))
            #expect(!html.contains("<BCI>"))
            #expect(BankDetailsView.block(BankDetails(iban: "", bic: "", bankName: "", accountHolder: ""), reference: nil).raw.isEmpty)
            #expect(BankDetailsView.mailText(Self.bank, reference: reference).contains("Référence à indiquer : OPEN-2026-0042-K"))
        }

        @Test func thePreviewGroupsTheLinesAndPreselectsOnlyTheMatched() {
            let dueID = UUID()
            let open = StatementImportService.OpenDue(due: .init(id: dueID, reference: PaymentReference(prefix: "OPEN", number: DueNumber(year: 2026, sequence: 1)),
                                                                 balance: 60_000, payerNames: ["Skazy"]), number: "2026-0001", company: "Skazy")
            let lines = StatementLine.fingerprinted(account: "A", [(FrenchDate.make(2026, 3, 2), 60_000, "VIR SKAZY", ""), (FrenchDate.make(2026, 3, 2), 30_000, "VIR SKAZY", ""),
                                                                  (FrenchDate.make(2026, 3, 3), -1_500, "FRAIS <b>", "")])
            let proposals = StatementMatching.propose(lines, dues: [open.due], prefix: "OPEN", recorded: [])
            let html = StatementImportView.preview(proposals, dues: [open], text: "ligne \"1\"", format: "cfonb", csrf: .empty).raw
            #expect(html.contains("Rapprochés (1)") && html.contains("À vérifier (1)") && html.contains("Débits ignorés (1)"))
            #expect(!html.contains("Inconnus ("))
            #expect(html.components(separatedBy: " selected>").count == 2, "only the matched line is preselected")
            #expect(html.contains("name=\"due_1\""))
            #expect(!html.contains("name=\"due_2\""), "a debit has no choice")
            #expect(html.contains("FRAIS &lt;b&gt;"))
            #expect(html.contains("value=\"ligne &quot;1&quot;\""))
        }
    }
}
