import Foundation
import Testing
@testable import GrappeDomain

@Suite struct CFONB120Tests {
    static let statement = """
    0117499    00010XPF0 12345678901  010326  010326                                 0000001  0000000125000{                
    0417499    00010XPF0 12345678901  020326  020326VIR SARL SKAZY                   0000001  0000000012000{OPEN-2026-0042-K
    0417499    00010XPF0 12345678901  030326  030326FRAIS TENUE COMPTE               0000001  0000000001500}                
    0417499    00010XPF0 12345678901  040326  040326VIR M DUPONT                     0000001  0000000006000{                
    0517499    00010XPF0 12345678901             LIBREF OPEN 2026 0007 E                                                    
    0717499    00010XPF0 12345678901  310326  310326                                 0000001  0000000141500{                
    """

    @Test func readsBalancesMovementsAndComplements() throws {
        let s = try CFONB120.parse(Self.statement)
        #expect(s.account == "174990001012345678901")
        #expect(s.currency == "XPF")
        #expect(s.openingBalance == 1_250_000)
        #expect(s.closingBalance == 1_415_000)
        #expect(s.lines.map(\.amount) == [120_000, -15_000, 60_000])
        #expect(s.lines[0].label == "VIR SARL SKAZY")
        #expect(s.lines[0].reference == "OPEN-2026-0042-K")
        #expect(s.lines[0].date == FrenchDate.make(2026, 3, 2))
        #expect(s.lines[2].label == "VIR M DUPONT REF OPEN 2026 0007 E")
    }

    @Test func readsTheSignedLastCharacterAndTheDecimals() {
        #expect(CFONB120.signedAmount("0000000012345E", decimals: 0)?.whole == 123_455)
        #expect(CFONB120.signedAmount("0000000012345N", decimals: 0)?.whole == -123_455)
        #expect(CFONB120.signedAmount("0000001200000{", decimals: 2)?.whole == 120_000)
        #expect(CFONB120.signedAmount("0000001200005{", decimals: 2)?.whole == nil)
        #expect(CFONB120.signedAmount("00000012000X0{", decimals: 0) == nil)
    }

    @Test func theSameStatementGivesTheSameFingerprints() throws {
        let first = try CFONB120.parse(Self.statement).lines.map(\.fingerprint)
        let again = try CFONB120.parse(Self.statement).lines.map(\.fingerprint)
        #expect(first == again)
        #expect(Set(first).count == 3)
    }

    @Test func twoIdenticalMovementsStayTwo() throws {
        let line = "0417499    00010XPF0 12345678901  020326  020326VIR SARL SKAZY                   0000001  0000000012000{                "
        let s = try CFONB120.parse(line + "\n" + line)
        #expect(s.lines.count == 2)
        #expect(s.lines[0].fingerprint != s.lines[1].fingerprint)
    }

    @Test func refusesWhatIsNotACFONBStatement() {
        #expect(throws: StatementProblem.self) { try CFONB120.parse("Date;Libellé;Montant\n02/03/2026;VIR;120000") }
        #expect(throws: StatementProblem.self) { try CFONB120.parse("") }
        let euros = "0417499    00010EUR2 12345678901  020326  020326VIR SARL SKAZY                   0000001  0000000012000{                "
        do { _ = try CFONB120.parse(euros); Issue.record("EUR accepted") } catch { #expect(error.description.contains("EUR")) }
    }
}

@Suite struct StatementCSVTests {
    @Test func readsASignedAmountColumn() throws {
        let csv = "Date opération;Libellé;Montant;Référence\n02/03/2026;VIR SARL SKAZY;120 000,00;OPEN-2026-0042-K\n03/03/26;FRAIS;-1 500,00;\n"
        let mapping = StatementCSVMapping(dateColumn: "date operation", amountColumn: "Montant", labelColumn: "Libellé", referenceColumn: "Référence")
        let lines = try StatementCSV.parse(csv, mapping: mapping, account: "BCI")
        #expect(lines.map(\.amount) == [120_000, -1_500])
        #expect(lines[0].reference == "OPEN-2026-0042-K")
        #expect(lines[1].date == FrenchDate.make(2026, 3, 3))
    }

    @Test func readsDebitAndCreditColumnsWithADecimalPoint() throws {
        let csv = "date,label,debit,credit\n2026-03-02,VIR SKAZY,,\"120,000.00\"\n2026-03-03,FRAIS,1500.00,\n"
        let mapping = StatementCSVMapping(separator: ",", decimalMark: ".", dateColumn: "date", debitColumn: "debit", creditColumn: "credit", labelColumn: "label")
        #expect(try StatementCSV.parse(csv, mapping: mapping, account: "SGCB").map(\.amount) == [120_000, -1_500])
    }

    @Test func refusesCentsAMissingColumnAndABadMapping() {
        #expect(StatementCSV.amount("12,50", decimalMark: ",") == nil)
        #expect(StatementCSV.amount("-12 000", decimalMark: ",") == -12_000)
        let mapping = StatementCSVMapping(dateColumn: "Date", amountColumn: "Montant", labelColumn: "Libellé")
        do { _ = try StatementCSV.parse("Date;Libellé\n02/03/2026;VIR", mapping: mapping, account: ""); Issue.record("accepted") } catch {
            #expect(error.description.contains("« Montant »"))
        }
        #expect(StatementCSVMapping(dateColumn: "", labelColumn: "L").problems.keys.sorted() == ["amountColumn", "dateColumn"])
    }
}

@Suite struct StatementMatchingTests {
    static let skazy = UUID(), dupont = UUID(), other = UUID()
    static let dues = [
        StatementMatching.OpenDue(id: skazy, reference: PaymentReference(prefix: "OPEN", number: DueNumber(year: 2026, sequence: 42)), balance: 120_000, payerNames: ["SKAZY", "SARL Skazy"]),
        StatementMatching.OpenDue(id: dupont, reference: PaymentReference(prefix: "OPEN", number: DueNumber(year: 2026, sequence: 7)), balance: 60_000, payerNames: ["Dupont Conseil", "Émile Dupont"]),
        StatementMatching.OpenDue(id: other, reference: PaymentReference(prefix: "OPEN", number: DueNumber(year: 2026, sequence: 8)), balance: 60_000, payerNames: ["Bélep Pêche"]),
    ]

    static func line(_ amount: Int, _ label: String, _ reference: String = "") -> StatementLine {
        StatementLine.fingerprinted(account: "A", [(FrenchDate.make(2026, 3, 2), amount, label, reference)])[0]
    }

    @Test func matchesByReferenceFirst() {
        let p = StatementMatching.propose([Self.line(120_000, "VIR BELEP PECHE", "OPEN-2026-0042-K")], dues: Self.dues, prefix: "OPEN", recorded: [])[0]
        #expect(p.group == .matched)
        #expect(p.dueID == Self.skazy)
    }

    @Test func matchesByAmountAndFoldedName() {
        let p = StatementMatching.propose([Self.line(60_000, "VIR BELEP PECHE SARL")], dues: Self.dues, prefix: "OPEN", recorded: [])[0]
        #expect(p.group == .matched)
        #expect(p.dueID == Self.other)
    }

    @Test func guessesAreToCheck() {
        let proposals = StatementMatching.propose([
            Self.line(30_000, "VIR SKAZY ACOMPTE"), // name, partial amount
            Self.line(60_000, "VIR OPEN-2026-0042-X"), // mistyped reference
            Self.line(200_000, "VIR OPEN-2026-0042-K"), // more than the balance
        ], dues: Self.dues, prefix: "OPEN", recorded: [])
        #expect(proposals.map(\.group) == [.toCheck, .toCheck, .toCheck])
        #expect(proposals[0].dueID == Self.skazy)
        #expect(proposals[1].reason.contains("mal saisie"))
    }

    @Test func unknownDebitsAndAlreadyRecorded() {
        let seen = Self.line(120_000, "VIR SKAZY")
        let proposals = StatementMatching.propose([Self.line(60_000, "VIR INCONNU"), Self.line(-1_500, "FRAIS"), seen],
                                                  dues: Self.dues, prefix: "OPEN", recorded: [seen.fingerprint])
        #expect(proposals.map(\.group) == [.unknown, .debit, .alreadyRecorded])
        #expect(proposals.allSatisfy { $0.group == .unknown || $0.dueID == nil })
    }
}
