import Foundation
import Testing
@testable import GrappeDomain

@Suite struct MoneyAndDateTests {
    @Test func xpfUsesNarrowNoBreakSpaces() {
        #expect(Money.xpf(60_000) == "60\u{202F}000\u{00A0}XPF")
        #expect(Money.xpf(960_000) == "960\u{202F}000\u{00A0}XPF")
        #expect(Money.xpf(1_234_567) == "1\u{202F}234\u{202F}567\u{00A0}XPF")
        #expect(Money.xpf(0) == "0\u{00A0}XPF")
        #expect(Money.xpf(-4_500) == "-4\u{202F}500\u{00A0}XPF")
    }

    @Test func parsesTypedAmounts() {
        #expect(Money.parse("60 000") == 60_000)
        #expect(Money.parse("60000 XPF") == 60_000)
        #expect(Money.parse("60\u{202F}000") == 60_000)
        #expect(Money.parse("") == nil)
        #expect(Money.parse("soixante") == nil)
        #expect(Money.parse("1e5") == nil)
        #expect(Money.parse("99999999999999999999") == nil)
        #expect(Money.parse("60 000 xpf") == 60_000)
        #expect(Money.parse("1.250.000") == 1_250_000, "a dot before groups of three digits separates thousands")
        for decimal in ["1.5", "12.5", "12.50", "1,5", "60 000,00", "1.5000", ".500", "1..000"] {
            #expect(Money.parse(decimal) == nil, "\(decimal): XPF has no decimals")
            #expect(Money.problem(decimal)?.contains("pas de centimes") == true, "\(decimal)")
        }
        #expect(Money.problem("60 000") == nil)
        #expect(Money.problem("abc") == "Montant invalide : un nombre entier de francs (ex. 60 000).")
        #expect(Money.problem(" ") == "Saisissez un montant en francs (ex. 60 000).")
    }

    @Test func longFrenchDates() {
        #expect(FrenchDate.long(FrenchDate.make(2025, 6, 12)) == "jeudi 12 juin 2025")
        #expect(FrenchDate.long(FrenchDate.make(2023, 4, 20)) == "jeudi 20 avril 2023")
        #expect(FrenchDate.long(FrenchDate.make(2025, 8, 1)) == "vendredi 1er août 2025")
    }

    @Test func noumeaIsUTCPlus11() {
        let date = FrenchDate.make(2025, 1, 1)
        #expect(FrenchDate.timeZone.secondsFromGMT(for: date) == 11 * 3600)
        #expect(FrenchDate.timeZone.secondsFromGMT(for: FrenchDate.make(2025, 7, 1)) == 11 * 3600)
        // Midnight in Nouméa is 13:00 UTC the day before.
        #expect(date.timeIntervalSince1970 == 1_735_650_000)
    }

    @Test func parsesBothWritings() {
        #expect(FrenchDate.parse("2025-06-12") == FrenchDate.make(2025, 6, 12))
        #expect(FrenchDate.parse("12/06/2025") == FrenchDate.make(2025, 6, 12))
        #expect(FrenchDate.parse("2025-02-30") == nil)
        #expect(FrenchDate.parse("demain") == nil)
        #expect(FrenchDate.iso(FrenchDate.make(2025, 3, 4)) == "2025-03-04")
    }

    @Test func countsDaysInNoumea() {
        #expect(FrenchDate.days(from: FrenchDate.make(2025, 3, 1), to: FrenchDate.make(2025, 3, 31)) == 30)
        #expect(FrenchDate.days(from: FrenchDate.make(2025, 3, 31), to: FrenchDate.make(2025, 3, 1)) == -30)
    }
}
