import Foundation
import Testing
@testable import GrappeDomain

@Suite struct PaymentReferenceTests {
    @Test func printsPrefixNumberAndCheck() {
        let reference = PaymentReference(prefix: "OPEN NC", number: DueNumber(year: 2026, sequence: 42))
        #expect(reference.description == "OPEN-2026-0042-K")
        #expect(PaymentReference(prefix: "Cœur d'Île", number: DueNumber(year: 2026, sequence: 7)).prefix == "COEUR")
        #expect(PaymentReference.prefix(from: "—") == "COTIS")
    }

    @Test func findsTheReferenceWhateverTheSeparators() {
        let expected = PaymentReference(prefix: "OPEN", number: DueNumber(year: 2026, sequence: 42))
        for label in ["VIR SARL SKAZY OPEN-2026-0042-K", "vir skazy open 2026 0042 k cotis", "VIROPEN20260042KSKAZY"] {
            #expect(PaymentReference.find(in: label, prefix: "OPEN NC") == .reference(expected))
        }
        #expect(PaymentReference.find(in: "VIR SARL SKAZY COTISATION", prefix: "OPEN") == .none)
    }

    @Test func detectsAMistypedReference() {
        // One digit changed (0042 → 0043), two digits swapped (0042 → 0024): the check fails.
        #expect(PaymentReference.find(in: "OPEN-2026-0043-K", prefix: "OPEN") == .mistyped("OPEN-2026-0043-K"))
        #expect(PaymentReference.find(in: "OPEN-2026-0024-K", prefix: "OPEN") == .mistyped("OPEN-2026-0024-K"))
        #expect(PaymentReference.find(in: "OPEN-2026-0042-L", prefix: "OPEN") == .mistyped("OPEN-2026-0042-L"))
    }

    @Test func everySingleCharacterChangeIsCaught() {
        let reference = PaymentReference(prefix: "OPEN", number: DueNumber(year: 2026, sequence: 1234))
        let payload = Array(reference.payload)
        for index in payload.indices where payload[index].isNumber {
            for digit in "0123456789" where digit != payload[index] {
                var changed = payload
                changed[index] = digit
                #expect(PaymentReference.checkCharacter(String(changed)) != reference.check)
            }
        }
    }
}

@Suite struct BankAccountTests {
    @Test func acceptsValidIBANs() {
        #expect(BankAccount.ibanProblem("NC49 1749 9000 1012 3456 7890 102") == nil)
        #expect(BankAccount.ibanProblem("fr7617499000101234567890102") == nil)
        #expect(BankAccount.ibanProblem("NC3514889000010123456789A69") == nil)
        #expect(BankAccount.ibanProblem("DE89 3704 0044 0532 0130 00") == nil)
        #expect(BankAccount.printedIBAN("nc4917499000101234567890102") == "NC49 1749 9000 1012 3456 7890 102")
    }

    @Test func refusesWrongIBANsInFrench() {
        #expect(BankAccount.ibanProblem("NC48 1749 9000 1012 3456 7890 102")?.contains("chiffres de contrôle") == true)
        #expect(BankAccount.ibanProblem("NC49 1749 9000 1012 3456 7890 1")?.contains("27 caractères") == true)
        #expect(BankAccount.ibanProblem("1234")?.hasPrefix("IBAN invalide") == true)
    }

    @Test func checksTheRIBKey() {
        #expect(BankAccount.ribProblem("17499 00010 12345678901 02") == nil)
        #expect(BankAccount.ribProblem("14889 00001 0123456789A 69") == nil)
        #expect(BankAccount.ribProblem("17499 00010 12345678901 03")?.contains("clé RIB") == true)
        #expect(BankAccount.ribProblem("17499 00010 123")?.contains("23 caractères") == true)
    }
}

@Suite struct PaymentChannelTests {
    @Test func everyMethodIsRecordedAtTheDeskAndNoGatewayIsRegistered() {
        #expect(PaymentChannels.desk.map(\.method) == PaymentMethod.allCases)
        #expect(PaymentChannels.desk.allSatisfy { !$0.isOnline })
        #expect(PaymentChannels.gateways.isEmpty)
    }
}
