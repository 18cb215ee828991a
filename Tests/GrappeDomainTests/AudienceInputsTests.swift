import Testing
@testable import GrappeDomain

@Suite struct AudienceInputsTests {
    @Test func readsOneNumberPerAudienceIntoTheStoredText() {
        let ok = AudienceInputs.read(["aud_tpe_pme": "12", "aud_handicap": " 4 ", "aud_rural": "", "aud_jeunes": "0"])
        #expect(ok.text == "handicap=4;tpe_pme=12")
        #expect(ok.errors.isEmpty)
        let bad = AudienceInputs.read(["aud_tpe_pme": "-1", "aud_handicap": "2,5", "aud_rural": "douze"])
        #expect(bad.errors["aud_tpe_pme"] == "« TPE / PME » : un nombre entier de 0 à 100 000.")
        #expect(Set(bad.errors.keys) == ["aud_tpe_pme", "aud_handicap", "aud_rural"])
        #expect(bad.text.isEmpty)
    }

    @Test func showsTheIndicatorsAudiencesAndWhatTheActionHolds() {
        #expect(AudienceInputs.shown(indicatorAudiences: ["handicap", "Jeunes"], stored: "") == [.disability, .youth])
        #expect(AudienceInputs.shown(indicatorAudiences: ["handicap"], stored: "rural=3") == [.disability, .rural])
        #expect(AudienceInputs.shown(indicatorAudiences: [], stored: "") == Audience.allCases)
        #expect(AudienceInputs.values("tpe_pme=12;handicap=4") == ["aud_tpe_pme": "12", "aud_handicap": "4"])
        #expect(AudienceInputs.field(.jobSeekers) == "aud_demandeurs_emploi")
    }
}
