import Foundation
import Testing
@testable import GrappeDomain

@Suite struct DiagnosticGrantTests {
    let craftInNoumea = DiagnosticGrant.Applicant(activity: .craft, commune: "Nouméa", headcount: 3, ridet: "1234567.001")

    func actions(_ costs: [(Int, Bool)]) -> [DiagnosticAction] {
        costs.enumerated().map { index, cost in
            DiagnosticAction(key: "a\(index)", title: "Action \(index)", dimension: .readiness, impact: .medium, effort: .medium,
                             cost: cost.0, grantEligible: cost.1)
        }
    }

    @Test func halfOfTheEligibleCostRoundedDown() {
        let grant = DiagnosticGrant.assess(craftInNoumea, actions: actions([(200_000, true), (100_001, true), (90_000, false)]))
        #expect(grant.isEligible && grant.refusals == [])
        #expect(grant.eligibleCost == 300_001)
        // 50 % of 300 001 is 150 000.5: rounded down to the franc.
        #expect(grant.uncapped == 150_000)
        #expect(grant.amount == 150_000)
        #expect(!grant.isCapped)
    }

    @Test func cappedAtTwoHundredFiftyThousand() {
        let exactly = DiagnosticGrant.assess(craftInNoumea, actions: actions([(500_000, true)]))
        #expect(exactly.amount == 250_000 && !exactly.isCapped)
        let over = DiagnosticGrant.assess(craftInNoumea, actions: actions([(400_000, true), (200_000, true)]))
        #expect(over.uncapped == 600_000 / 2)
        #expect(over.amount == 250_000 && over.isCapped)
        let none = DiagnosticGrant.assess(craftInNoumea, actions: actions([(90_000, false)]))
        #expect(none.eligibleCost == 0 && none.amount == 0 && none.isEligible)
        #expect(DiagnosticGrant.estimate(eligibleCost: 1).amount == 0)
        #expect(DiagnosticGrant.estimate(eligibleCost: 3).amount == 1)
    }

    @Test func retailAnywhereInProvinceSudIsEligible() {
        for commune in ["Dumbéa", "paita", "Le Mont-Dore", "Thio"] {
            let applicant = DiagnosticGrant.Applicant(activity: .retail, commune: commune, headcount: 40, ridet: "0123456")
            #expect(DiagnosticGrant.refusals(applicant) == [], "\(commune)")
        }
    }

    @Test func refusalsSayWhyInFrench() {
        let other = DiagnosticGrant.Applicant(activity: .other, commune: "Koné", headcount: 3, ridet: "12")
        let grant = DiagnosticGrant.assess(other, actions: actions([(300_000, true)]))
        #expect(grant.refusals == [
            "L'aide est réservée aux entreprises d'activité artisanale ou commerciale (activité déclarée : autre).",
            "L'aide est réservée aux entreprises établies en Province Sud (Koné est en Province Nord).",
            "Un numéro RIDET valide est nécessaire pour demander l'aide.",
        ])
        #expect(!grant.isEligible && grant.amount == 0 && !grant.isCapped)
        #expect(grant.eligibleCost == 300_000)
        let lifou = DiagnosticGrant.Applicant(activity: .craft, commune: "Lifou", headcount: 1, ridet: "1234567")
        #expect(DiagnosticGrant.refusals(lifou) == ["L'aide est réservée aux entreprises établies en Province Sud (Lifou est en Province des Îles Loyauté)."])
        let paris = DiagnosticGrant.Applicant(activity: .craft, commune: "Paris", headcount: 1, ridet: "1234567")
        #expect(DiagnosticGrant.refusals(paris) == ["Commune inconnue : « Paris » n'est pas une commune de Nouvelle-Calédonie."])
    }

    @Test func theRulesSetInSettingsApply() {
        let rules = GrantRules(activities: [.other], communes: ["Lifou", "Maré"], maxHeadcount: 10, requiresRIDET: false, ratePercent: 40, cap: 100_000)
        #expect(rules.problems() == [])
        let applicant = DiagnosticGrant.Applicant(activity: .other, commune: "lifou", headcount: 10, ridet: "")
        let grant = DiagnosticGrant.assess(applicant, actions: actions([(200_001, true)]), rules: rules)
        #expect(grant.refusals == [])
        // 40 % of 200 001 = 80 000.4 → 80 000, under the 100 000 cap.
        #expect(grant.amount == 80_000)
        #expect(DiagnosticGrant.assess(applicant, actions: actions([(300_000, true)]), rules: rules).amount == 100_000)
        var big = applicant
        big.headcount = 11
        big.commune = "Nouméa"
        #expect(DiagnosticGrant.refusals(big, rules: rules) == [
            "L'aide n'est pas ouverte aux entreprises établies à Nouméa.",
            "L'aide est réservée aux entreprises de 10 salariés au plus (effectif déclaré : 11).",
        ])
    }

    @Test func badSettingsAreRefused() {
        let rules = GrantRules(activities: [], communes: ["Atlantis"], maxHeadcount: -1, ratePercent: 0, cap: -5)
        #expect(rules.problems() == [
            "Choisissez au moins une activité éligible.",
            "« Atlantis » n'est pas une commune de Nouvelle-Calédonie.",
            "L'effectif maximal ne peut pas être négatif.",
            "Le taux de l'aide va de 1 à 100 %.",
            "Le plafond de l'aide va de 0 à 100\u{202F}000\u{202F}000\u{00A0}XPF.",
        ])
        #expect(GrantRules(communes: [], ratePercent: 101).problems() == ["Choisissez au moins une commune éligible.", "Le taux de l'aide va de 1 à 100 %."])
        #expect(GrantRules.provinceSud.problems() == [])
    }

    @Test func storedSettingsDecodeWithDefaults() throws {
        #expect(try JSONDecoder().decode(GrantRules.self, from: Data("{}".utf8)) == .provinceSud)
        let stored = try JSONDecoder().decode(GrantRules.self, from: Data(#"{"maxHeadcount": 10, "cap": 200000}"#.utf8))
        #expect(stored.maxHeadcount == 10 && stored.cap == 200_000 && stored.ratePercent == 50 && stored.communes == Province.sud.communes)
        #expect(try JSONDecoder().decode(GrantRules.self, from: JSONEncoder().encode(stored)) == stored)
    }
}
