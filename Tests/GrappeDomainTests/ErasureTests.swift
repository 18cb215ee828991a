import Foundation
import Testing
@testable import GrappeDomain

@Suite struct ErasureTests {
    private let today = FrenchDate.make(2025, 9, 15)

    private func valid() -> ErasureDraft {
        ErasureDraft(mediaType: .ssd, mediaSerial: " S3Z9NB0K123456 ", level: .purge, method: .cryptoErase,
                     tool: "nwipe 0.35", verification: .sampling, operatorName: " Jeanne Wamytan ",
                     date: FrenchDate.make(2025, 9, 15))
    }

    @Test func methodsAndLevels() {
        #expect(ErasureLevel.allCases == [.purge, .destroy])
        #expect(ErasureLevel(rawValue: "clear") == nil)
        #expect(ErasureMethod.shred.compatibleLevels == [.destroy])
        #expect(ErasureMethod.disintegrate.compatibleLevels == [.destroy])
        #expect(ErasureMethod.overwrite.compatibleLevels == [.purge])
        #expect(ErasureMethod.blockErase.compatibleLevels == [.purge])
        #expect(ErasureMethod.cryptoErase.compatibleLevels == [.purge])
        #expect(ErasureMethod.degauss.compatibleLevels == [.purge])
        #expect(ErasureMethod.blockErase.rawValue == "block_erase")
        #expect(ErasureMethod.cryptoErase.rawValue == "crypto_erase")
        #expect(StorageMedia.nvme.isFlash && !StorageMedia.hdd.isFlash)
        for method in ErasureMethod.allCases { #expect(!method.label.isEmpty) }
        for media in StorageMedia.allCases { #expect(!media.label.isEmpty) }
        #expect(VerificationMethod.full.label == "Vérification complète")
    }

    @Test func validRecordIsTrimmed() {
        var draft = valid()
        #expect(draft.validate(today: today).isEmpty)
        #expect(draft.mediaSerial == "S3Z9NB0K123456")
        #expect(draft.operatorName == "Jeanne Wamytan")
    }

    @Test func requiredFields() {
        var draft = ErasureDraft(mediaSerial: "  ", tool: "", operatorName: " ")
        let errors = draft.validate(today: today)
        #expect(Set(errors.keys) == ["mediaType", "mediaSerial", "level", "method", "tool", "verification", "operatorName", "date"])
        #expect(errors["mediaSerial"] == "Le numéro de série du support est obligatoire.")
        #expect(errors["date"] == "La date d'effacement est obligatoire (jj/mm/aaaa).")
    }

    @Test func methodMustMatchLevel() {
        var shredAsPurge = valid()
        shredAsPurge.method = .shred
        #expect(shredAsPurge.validate(today: today)["method"]?.contains("ne permet pas le niveau") == true)

        var degaussAsDestroy = valid()
        degaussAsDestroy.mediaType = .hdd
        degaussAsDestroy.method = .degauss
        degaussAsDestroy.level = .destroy
        #expect(degaussAsDestroy.validate(today: today)["method"] != nil)

        var shredded = valid()
        shredded.method = .shred
        shredded.level = .destroy
        shredded.tool = "Broyeur du prestataire DEEE"
        #expect(shredded.validate(today: today).isEmpty)

        var degaussedDisk = valid()
        degaussedDisk.mediaType = .hdd
        degaussedDisk.method = .degauss
        #expect(degaussedDisk.validate(today: today).isEmpty)
    }

    @Test func degaussingFlashIsRefused() {
        var draft = valid()
        draft.method = .degauss
        #expect(draft.validate(today: today)["method"]?.contains("sans effet sur un support flash") == true)
    }

    @Test func dateNotInTheFuture() {
        var tomorrow = valid()
        tomorrow.date = FrenchDate.make(2025, 9, 16)
        #expect(tomorrow.validate(today: today)["date"] == "La date d'effacement ne peut pas être dans le futur.")

        // Later the same day in Nouméa is still today.
        var sameDay = valid()
        sameDay.date = FrenchDate.at(today, minutes: 23 * 60)
        #expect(sameDay.validate(today: FrenchDate.at(today, minutes: 8 * 60))["date"] == nil)

        var past = valid()
        past.date = FrenchDate.make(2024, 12, 31)
        #expect(past.validate(today: today)["date"] == nil)
    }

    @Test func lengthLimits() {
        var draft = valid()
        draft.mediaSerial = String(repeating: "X", count: 101)
        #expect(draft.validate(today: today)["mediaSerial"] == "100 caractères au maximum (101 saisis).")
    }
}
