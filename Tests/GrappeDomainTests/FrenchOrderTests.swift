import Testing
@testable import GrappeDomain

@Suite struct FrenchOrderTests {
    @Test func accentsAndCaseDoNotPushANameToTheEnd() {
        #expect(["Bourail", "Bélep"].sortedInFrench() == ["Bélep", "Bourail"])
        #expect(["Sylver", "Sébastien"].sortedInFrench() == ["Sébastien", "Sylver"])
        #expect(["zeta", "Été", "alpha", "Œuvre", "ecole"].sortedInFrench() == ["alpha", "ecole", "Été", "Œuvre", "zeta"])
        #expect(FrenchOrder.precedes("Bélep", "Bourail") && !FrenchOrder.precedes("Bourail", "Bélep"))
    }

    @Test func theOriginalBreaksTiesSoTheOrderIsStable() {
        #expect(["élan", "Elan", "elan"].sortedInFrench() == ["Elan", "elan", "élan"])
        #expect(["élan", "Elan", "elan"].sortedInFrench() == ["elan", "élan", "Elan"].sortedInFrench())
    }

    @Test func communesInFrenchOrder() {
        let communes = Communes.inFrenchOrder
        #expect(communes.count == 33)
        #expect(communes.firstIndex(of: "Bélep")! < communes.firstIndex(of: "Bourail")!)
        #expect(communes.firstIndex(of: "Ouégoa")! < communes.firstIndex(of: "Ouvéa")!)
        #expect(communes.first == "Bélep" && communes.last == "Yaté")
    }

    @Test func everyFoldedLetterFoldsAsTextFoldingDoes() {
        for (letter, folded) in FrenchOrder.foldedLetters {
            #expect(TextFolding.fold(letter) == folded, "\(letter)")
        }
    }
}
