import Testing
@testable import GrappeDomain

@Suite struct CollectStateTests {
    private func move(_ from: CollectItemState, _ to: CollectItemState,
                      erasure: Bool = true, grade: Bool = true, charity: Bool = true) -> String? {
        CollectItemState.check(from: from, to: to, hasErasureRecord: erasure, hasGrade: grade, hasCharity: charity)
    }

    @Test func rawValuesLabelsAndOrder() {
        #expect(CollectItemState.allCases.count == 12)
        #expect(CollectItemState.handedOver.rawValue == "handed_over")
        #expect(CollectItemState.spareParts.rawValue == "spare_parts")
        #expect(CollectItemState(rawValue: "recycled") == .recycled)
        #expect(CollectItemState.erased.label == "données effacées")
        #expect(CollectItemState.ready.label == "prêt à attribuer")
        #expect(CollectItemState.chain.map(\.order) == Array(0..<10))
        #expect(CollectItemState.spareParts.order == 10 && CollectItemState.recycled.order == 11)
        #expect(Set(CollectItemState.allCases.map(\.label)).count == 12)
    }

    @Test func exitsAndFinals() {
        #expect(CollectItemState.allCases.filter(\.isExit) == [.spareParts, .recycled])
        #expect(CollectItemState.allCases.filter(\.isFinal) == [.handedOver, .spareParts, .recycled])
        #expect(CollectItemState.pledged.next == .collected)
        #expect(CollectItemState.allocated.next == .handedOver)
        #expect(CollectItemState.handedOver.next == nil)
        #expect(CollectItemState.recycled.next == nil)
    }

    @Test func everyStepOfTheChainIsLegal() {
        let chain = CollectItemState.chain
        for (from, to) in zip(chain, chain.dropFirst()) {
            #expect(move(from, to) == nil, "\(from) → \(to)")
        }
    }

    @Test func stepsBeforeErasureNeedNoRecord() {
        #expect(move(.pledged, .collected, erasure: false, grade: false, charity: false) == nil)
        #expect(move(.collected, .received, erasure: false, grade: false, charity: false) == nil)
        #expect(move(.received, .diagnosed, erasure: false, grade: false, charity: false) == nil)
        #expect(move(.diagnosed, .erased, erasure: false, grade: false, charity: false) == nil)
    }

    @Test func skippingIsRefused() {
        #expect(move(.collected, .graded) == "Passage interdit : « collecté » → « classé » (étape suivante attendue : « réceptionné »).")
        #expect(move(.pledged, .received) != nil)
        #expect(move(.diagnosed, .refurbished) != nil)
        #expect(move(.graded, .allocated) != nil)
        #expect(move(.ready, .handedOver) != nil)
        for from in CollectItemState.chain {
            for to in CollectItemState.chain where to.order > from.order + 1 {
                #expect(move(from, to) != nil, "\(from) → \(to)")
            }
        }
    }

    @Test func goingBackIsRefused() {
        #expect(move(.graded, .collected)?.hasPrefix("Retour en arrière interdit") == true)
        for from in CollectItemState.chain {
            for to in CollectItemState.chain where to.order <= from.order {
                #expect(move(from, to) != nil, "\(from) → \(to)")
            }
        }
        #expect(move(.received, .received) == "L'article est déjà à l'état « réceptionné ».")
    }

    @Test func exitsOnlyFromCollectedToGraded() {
        let open: [CollectItemState] = [.collected, .received, .diagnosed, .erased, .refurbished, .graded]
        for from in open {
            #expect(move(from, .spareParts) == nil, "\(from) → pièces")
            #expect(move(from, .recycled) == nil, "\(from) → recyclé")
        }
        for from in [CollectItemState.pledged, .ready, .allocated] {
            #expect(move(from, .spareParts) != nil, "\(from) → pièces")
            #expect(move(from, .recycled) != nil, "\(from) → recyclé")
        }
        #expect(move(.pledged, .recycled)?.contains("seulement entre les étapes « collecté » et « classé »") == true)
    }

    @Test func sparePartsNeedAnErasureRecordButRecyclingDoesNot() {
        #expect(move(.received, .spareParts, erasure: false) != nil)
        #expect(move(.received, .recycled, erasure: false) == nil)
        #expect(move(.erased, .recycled, erasure: false) == nil)
        #expect(move(.erased, .spareParts, erasure: false)
            == "Impossible de quitter l'effacement sans procès-verbal d'effacement (NIST SP 800-88) pour chaque support de stockage.")
    }

    @Test func erasedToRefurbishedNeedsAnErasureRecord() {
        #expect(move(.erased, .refurbished, erasure: false)
            == "Impossible de quitter l'effacement sans procès-verbal d'effacement (NIST SP 800-88) pour chaque support de stockage.")
        #expect(move(.erased, .refurbished, erasure: true, grade: false, charity: false) == nil)
        #expect(move(.refurbished, .graded, erasure: false)?.contains("NIST SP 800-88") == true)
        #expect(move(.allocated, .handedOver, erasure: false) != nil)
    }

    @Test func gradedNeedsAGrade() {
        #expect(move(.refurbished, .graded, grade: false)
            == "Impossible de passer en « classé » sans grade esthétique (A, B ou C) ni résultat du test de fonctionnement : enregistrez d'abord le classement.")
        #expect(move(.refurbished, .graded, grade: true) == nil)
        // The exits stay open without a grade.
        #expect(move(.refurbished, .recycled, grade: false) == nil)
    }

    @Test func gradedToReadyNeedsAGrade() {
        #expect(move(.graded, .ready, grade: false)?.contains("sans classement") == true)
        #expect(move(.graded, .ready, grade: true, charity: false) == nil)
    }

    @Test func readyToAllocatedNeedsACharity() {
        #expect(move(.ready, .allocated, charity: false) == "Impossible d'attribuer l'article sans choisir l'association bénéficiaire.")
        #expect(move(.ready, .allocated, charity: true) == nil)
    }

    @Test func finalStatesAllowNothing() {
        for from in [CollectItemState.handedOver, .spareParts, .recycled] {
            #expect(CollectItemState.allowedMoves(from: from).isEmpty)
            for to in CollectItemState.allCases {
                #expect(move(from, to) != nil, "\(from) → \(to)")
            }
        }
        #expect(move(.handedOver, .recycled) == "L'état « remis » est définitif : aucun changement n'est possible.")
    }

    @Test func allowedMoves() {
        #expect(CollectItemState.allowedMoves(from: .pledged) == [.collected])
        #expect(CollectItemState.allowedMoves(from: .collected) == [.received, .spareParts, .recycled])
        #expect(CollectItemState.allowedMoves(from: .graded) == [.ready, .spareParts, .recycled])
        #expect(CollectItemState.allowedMoves(from: .ready) == [.allocated])
        #expect(CollectItemState.allowedMoves(from: .allocated) == [.handedOver])
        // allowedMoves and check agree when every record is present.
        for from in CollectItemState.allCases {
            for to in CollectItemState.allCases {
                #expect((move(from, to) == nil) == CollectItemState.allowedMoves(from: from).contains(to), "\(from) → \(to)")
            }
        }
    }
}
