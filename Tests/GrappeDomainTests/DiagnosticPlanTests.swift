import Foundation
import Testing
@testable import GrappeDomain

@Suite struct DiagnosticGapTests {
    typealias F = DiagnosticFixture

    func gaps(_ change: (inout [String: DiagnosticAnswer]) -> Void) -> [DiagnosticGap] {
        var answers = F.allZero
        change(&answers)
        return DiagnosticGap.find(F.v1, answers, DiagnosticScoring.result(F.v1, answers))
    }

    let plansOnThree = F.investment([(false, true), (true, true), (false, true)])
    let plansOnTwo = F.investment([(false, true), (true, true), (true, false)])

    @Test func noGapAtEitherEnd() {
        #expect(gaps { _ in } == [])
        #expect(DiagnosticGap.find(F.v1, F.allMax, DiagnosticScoring.result(F.v1, F.allMax)) == [])
    }

    @Test func ambitionWithoutPreparation() {
        // 3 of 10 areas planned (0.3) with Q2 at 2 of 10 (20 < 30): found.
        #expect(gaps { $0[F.q(1).key] = plansOnThree; $0[F.q(2).key] = F.choices(2, first: 2) } == [.ambitionWithoutPreparation])
        // 2 of 10 planned: not many plans.
        #expect(gaps { $0[F.q(1).key] = plansOnTwo } == [])
        // Q2 at 3 of 10 is 30, not below 30: prepared enough.
        #expect(gaps { $0[F.q(1).key] = plansOnThree; $0[F.q(2).key] = F.choices(2, first: 3) } == [])
        // Stricter thresholds set by staff.
        var answers = F.allZero
        answers[F.q(1).key] = plansOnTwo
        let custom = DiagnosticGap.Thresholds(plannedShare: 0.2)
        #expect(DiagnosticGap.find(F.v1, answers, DiagnosticScoring.result(F.v1, answers), thresholds: custom) == [.ambitionWithoutPreparation])
    }

    @Test func technologyWithoutPeople() {
        // D2 = (10 + 0) × 5 = 50 ≥ 50; D3 = (10 × 2 ÷ 7 + 0) × 5 ≈ 14.3 < 30.
        #expect(gaps { $0[F.q(3).key] = F.choices(3, first: 10); $0[F.q(5).key] = F.choices(5, first: 2) } == [.technologyWithoutPeople])
        // D5 alone: Q9 all at 5 → 100.
        #expect(gaps { $0[F.q(9).key] = F.scale(9, [5, 5, 5, 5, 5]) } == [.technologyWithoutPeople])
        // D2 = (9 + 0) × 5 = 45: not high.
        #expect(gaps { $0[F.q(3).key] = F.choices(3, first: 9) } == [])
        // D3 = (10 × 3 ÷ 7 + 10 × 2 ÷ 8) × 5 ≈ 33.9: people not low.
        #expect(gaps {
            $0[F.q(3).key] = F.choices(3, first: 10); $0[F.q(5).key] = F.choices(5, first: 3); $0[F.q(6).key] = F.choices(6, first: 2)
        } == [])
    }

    @Test func dataWithoutSecurity() {
        // D4 = (10 + 10 ÷ 6) × 5 ≈ 58.3 ≥ 50; Q8 = 10 ÷ 6 ≈ 1.7, read 16.7 < 30.
        #expect(gaps { $0[F.q(7).key] = F.choices(7, first: 7); $0[F.q(8).key] = F.choices(8, first: 1) } == [.dataWithoutSecurity])
        // D4 = (10 × 6 ÷ 7 + 10 ÷ 6) × 5 ≈ 51.2: still high.
        #expect(gaps { $0[F.q(7).key] = F.choices(7, first: 6); $0[F.q(8).key] = F.choices(8, first: 1) } == [.dataWithoutSecurity])
        // D4 = (10 × 5 ÷ 7 + 10 ÷ 6) × 5 ≈ 44.0: not high.
        #expect(gaps { $0[F.q(7).key] = F.choices(7, first: 5); $0[F.q(8).key] = F.choices(8, first: 1) } == [])
        // Q8 = 10 × 2 ÷ 6 ≈ 3.3, read 33.3: secured enough.
        #expect(gaps { $0[F.q(7).key] = F.choices(7, first: 7); $0[F.q(8).key] = F.choices(8, first: 2) } == [])
    }

    @Test func aRuleWithoutItsQuestionDoesNotFire() {
        var answers = F.allZero
        answers[F.q(7).key] = F.choices(7, first: 7)
        answers[F.q(1).key] = plansOnThree
        var version = F.v1.copy(toVersion: 2)
        version.questions.removeAll { $0.dmaNumber == 8 || $0.dmaNumber == 2 }
        #expect(DiagnosticGap.find(version, answers, DiagnosticScoring.result(version, answers)) == [])
    }

    @Test func gapsHaveFrenchTitles() {
        #expect(DiagnosticGap.allCases.map(\.title) == ["Ambition sans préparation", "Technologie sans les personnes", "Données sans sécurité"])
        #expect(DiagnosticGap.allCases.allSatisfy { !$0.explanation.isEmpty })
    }
}

/// A small catalogue and a result with chosen dimension scores, so that priorities can be
/// worked out by hand.
enum PlanFixture {
    static let catalogue: [DiagnosticAction] = [
        .init(key: "strategy_plan", title: "Feuille de route numérique", dimension: .strategy, gaps: [.ambitionWithoutPreparation],
              impact: .high, effort: .medium, cost: 150_000, grantEligible: true),
        .init(key: "training", title: "Formation de l'équipe", dimension: .humanCentric, gaps: [.technologyWithoutPeople],
              impact: .high, effort: .low, cost: 80_000, grantEligible: true, competences: ["Formation"]),
        .init(key: "backup", title: "Sauvegarde hors site", dimension: .data, gaps: [.dataWithoutSecurity],
              impact: .high, effort: .low, cost: 60_000, grantEligible: true, competences: ["Infogérance"]),
        .init(key: "security_policy", title: "Politique de sécurité", dimension: .data, gaps: [.dataWithoutSecurity],
              impact: .medium, effort: .medium, cost: 120_000, grantEligible: true, prerequisites: ["audit"],
              competences: ["Cybersécurité", "Conseil"]),
        .init(key: "audit", title: "Audit de sécurité", dimension: .data, impact: .low, effort: .low, cost: 40_000, grantEligible: false,
              competences: ["Cybersécurité"]),
        .init(key: "website", title: "Site web", dimension: .readiness, impact: .medium, effort: .medium, cost: 200_000, grantEligible: true),
        .init(key: "chatbot", title: "Agent conversationnel", dimension: .automation, impact: .medium, effort: .high, cost: 300_000,
              grantEligible: true, prerequisites: ["website"]),
        .init(key: "green", title: "Sobriété numérique", dimension: .green, impact: .low, effort: .low, cost: 0, grantEligible: false),
    ]

    static let result = DiagnosticResult(version: 1, questions: [:], dimensions: [
        .strategy: 80, .readiness: 60, .humanCentric: 20, .data: 60, .automation: 30, .green: 70,
    ], overall: 320.0 / 6)

    static let gaps: [DiagnosticGap] = [.technologyWithoutPeople, .dataWithoutSecurity]

    static func action(_ key: String) -> DiagnosticAction { catalogue.first { $0.key == key }! }
}

@Suite struct DiagnosticPlanTests {
    typealias P = PlanFixture

    @Test func priorityFollowsTheReferenceFormula() {
        func priority(_ key: String) -> Double { DiagnosticPlan.priority(of: P.action(key), result: P.result, gaps: P.gaps) }
        #expect(priority("training") == (100 - 20) * 3 / 1 + DiagnosticPlan.gapBonus + DiagnosticPlan.quickWinBonus)
        #expect(priority("backup") == (100 - 60) * 3 / 1 + DiagnosticPlan.gapBonus + DiagnosticPlan.quickWinBonus)
        #expect(priority("security_policy") == (100 - 60) * 2 / 2 + DiagnosticPlan.gapBonus)
        #expect(priority("audit") == (100 - 60) * 1 / 1)
        #expect(close(priority("chatbot"), (100 - 30) * 2.0 / 3))
        #expect(priority("strategy_plan") == (100 - 80) * 3.0 / 2)
        #expect(P.action("training").isQuickWin && !P.action("audit").isQuickWin && !P.action("website").isQuickWin)
    }

    @Test func thePlanHoldsGapAndWeakDimensionActionsWithPrerequisitesFirst() {
        let plan = DiagnosticPlan.build(catalogue: P.catalogue, result: P.result, gaps: P.gaps)
        // training 315, backup 195, security_policy 90 (after audit), chatbot 46.7 (after website).
        #expect(plan.items.map(\.id) == ["training", "backup", "audit", "security_policy", "website", "chatbot"])
        #expect(plan.warnings == [])
        #expect(plan.items[0].reasons == [.gap(.technologyWithoutPeople), .weakDimension(.humanCentric)])
        #expect(plan.items[2].reasons == [.prerequisite(of: "security_policy")])
        #expect(plan.items[4].reasons == [.prerequisite(of: "chatbot")])
        #expect(plan.items[5].reasons == [.weakDimension(.automation)])
        #expect(plan.totalCost == 80_000 + 60_000 + 40_000 + 120_000 + 200_000 + 300_000)
        #expect(plan.grantEligibleCost == 80_000 + 60_000 + 120_000 + 200_000 + 300_000)
    }

    @Test func theAdvisorRemovesAddsAndReorders() {
        let overrides = DiagnosticPlan.Overrides(order: ["chatbot", "backup", "gone"], removed: ["audit"], added: ["green"])
        let plan = DiagnosticPlan.build(catalogue: P.catalogue, result: P.result, gaps: P.gaps, overrides: overrides)
        // green: (100 − 70) × 1 ÷ 1 = 30, after website (40) and chatbot.
        #expect(plan.items.map(\.id) == ["chatbot", "backup", "training", "security_policy", "website", "green"])
        #expect(plan.items.last?.reasons == [.advisor])
        #expect(plan.warnings == [
            "L'action « gone » n'est plus au catalogue.",
            "« Politique de sécurité » suppose « Audit de sécurité », retirée du plan.",
            "« Agent conversationnel » est placée avant son prérequis « Site web ».",
        ])
    }

    @Test func noWeakDimensionAndNoGapMeansAnEmptyPlan() {
        let strong = DiagnosticResult(version: 1, questions: [:], dimensions: Dictionary(uniqueKeysWithValues: DiagnosticDimension.allCases.map { ($0, 50.5) }), overall: 50.5)
        #expect(DiagnosticPlan.build(catalogue: P.catalogue, result: strong, gaps: []).items.isEmpty)
        #expect(DiagnosticPlan.isWeak(50.49) && !DiagnosticPlan.isWeak(50.5))
    }

    @Test func tiesGoToTheCheaperAction() {
        let a = DiagnosticAction(key: "a", title: "B action", dimension: .green, impact: .medium, effort: .medium, cost: 90_000, grantEligible: true)
        let b = DiagnosticAction(key: "b", title: "A action", dimension: .green, impact: .medium, effort: .medium, cost: 50_000, grantEligible: true)
        let c = DiagnosticAction(key: "c", title: "C action", dimension: .green, impact: .medium, effort: .medium, cost: 50_000, grantEligible: true)
        let weak = DiagnosticResult(version: 1, questions: [:], dimensions: [.green: 10], overall: 10.0 / 6)
        #expect(DiagnosticPlan.build(catalogue: [a, c, b], result: weak, gaps: []).items.map(\.id) == ["b", "c", "a"])
    }

    @Test func providersAreTheCompaniesCoveringEveryNeededDomain() {
        let directory = [("Alpha", ["Cybersécurité", "Conseil"]), ("Beta", ["cybersecurite"]), ("Gamma", ["Développement web"])]
        #expect(P.action("audit").providers(among: directory) { $0.1 }.map { $0.0 } == ["Alpha", "Beta"])
        #expect(P.action("security_policy").providers(among: directory) { $0.1 }.map { $0.0 } == ["Alpha"])
        #expect(P.action("website").providers(among: directory) { $0.1 }.isEmpty)
    }
}

@Suite struct DiagnosticActionTests {
    @Test func costsAreWholeFrancs() {
        #expect(DiagnosticAction.readCost("150 000") == 150_000)
        #expect(DiagnosticAction.readCost("150000 XPF") == 150_000)
        #expect(DiagnosticAction.readCost("150\u{202F}000") == 150_000)
        #expect(DiagnosticAction.readCost("150.000") == 150_000)
        #expect(DiagnosticAction.readCost("1.250.000 XPF") == 1_250_000)
        #expect(DiagnosticAction.readCost("0") == 0)
        for typed in ["1500,50", "99.5", "12.50", "1.5000", "-5", "abc", "", "200000000"] {
            #expect(DiagnosticAction.readCost(typed) == nil, "\(typed)")
        }
        let whole = "Le coût indicatif doit être un montant entier en francs XPF, sans centimes (par exemple 150 000)."
        #expect(DiagnosticAction.costProblem("1500,50") == whole)
        #expect(DiagnosticAction.costProblem("99.5") == whole)
        #expect(DiagnosticAction.costProblem("cent mille") == whole)
        #expect(DiagnosticAction.costProblem("-5") == "Le coût indicatif ne peut pas être négatif.")
        #expect(DiagnosticAction.costProblem(" ") == "Le coût indicatif est obligatoire (0 si l'action est gratuite).")
        #expect(DiagnosticAction.costProblem("200000000") == "Le coût indicatif ne peut dépasser 100\u{202F}000\u{202F}000\u{00A0}XPF.")
        #expect(DiagnosticAction.costProblem("150 000") == nil)
    }

    @Test func anEntryIsCheckedFieldByField() {
        var action = PlanFixture.action("security_policy")
        #expect(action.problems(catalogue: ["audit"], knownDomains: ["Cybersécurité", "Conseil"]) == [:])
        #expect(action.problems(catalogue: ["audit", "security_policy"])["key"] == "Une autre action porte déjà la clé « security_policy »." )
        #expect(action.problems(catalogue: [])["prerequisites"] == "Prérequis inconnu : « audit ».")
        #expect(action.problems(catalogue: ["audit"], knownDomains: ["Conseil"])["competences"] == "Domaine de compétence inconnu : « Cybersécurité ».")
        action.key = "Politique"
        action.title = " "
        action.cost = -1
        let problems = action.problems(catalogue: ["audit"])
        #expect(problems["key"]?.hasPrefix("Clé invalide") == true)
        #expect(problems["title"] == "Le titre est obligatoire.")
        #expect(problems["cost"] == "Le coût indicatif ne peut pas être négatif.")
        action.prerequisites = ["Politique"]
        #expect(action.problems(catalogue: ["Politique"])["prerequisites"] == "Une action ne peut pas être son propre prérequis.")
    }

    @Test func theCatalogueRefusesDuplicatesUnknownPrerequisitesAndCircles() {
        #expect(DiagnosticActionCatalogue.problems(PlanFixture.catalogue) == [])
        var actions = PlanFixture.catalogue
        actions.append(PlanFixture.action("green"))
        actions[4].prerequisites = ["security_policy"]
        actions[1].prerequisites = ["nothing"]
        #expect(DiagnosticActionCatalogue.problems(actions) == [
            "La clé « green » est utilisée par plusieurs actions.",
            "« Formation de l'équipe » : prérequis inconnu « nothing ».",
            "Les prérequis tournent en rond : « Politique de sécurité » → « Audit de sécurité » → « Politique de sécurité ».",
        ])
    }

    @Test func aCatalogueEntryRoundTripsAsJSON() throws {
        let data = try JSONEncoder().encode(PlanFixture.catalogue)
        #expect(try JSONDecoder().decode([DiagnosticAction].self, from: data) == PlanFixture.catalogue)
        let overrides = DiagnosticPlan.Overrides(order: ["b", "a"], removed: ["c"], added: [])
        #expect(try JSONDecoder().decode(DiagnosticPlan.Overrides.self, from: JSONEncoder().encode(overrides)) == overrides)
    }
}

@Suite struct StarterCatalogueTests {
    let starter = DiagnosticActionCatalogue.starter

    @Test func theStarterCatalogueIsValidAndCoversEveryDimensionAndGap() {
        #expect(DiagnosticActionCatalogue.problems(starter) == [])
        let keys = Set(starter.map(\.key))
        for action in starter {
            #expect(action.problems(catalogue: keys.subtracting([action.key])) == [:], "\(action.key)")
        }
        #expect(Set(starter.map(\.dimension)) == Set(DiagnosticDimension.allCases))
        #expect(Set(starter.flatMap(\.gaps)) == Set(DiagnosticGap.allCases))
    }

    @Test func aBasicRetailerGetsAPlanAndAnEstimate() {
        let result = DiagnosticScoring.result(DiagnosticFixture.v1, DiagnosticFixture.allZero)
        let plan = DiagnosticPlan.build(catalogue: starter, result: result, gaps: [])
        // Every dimension is at 0, hence weak: the whole catalogue, prerequisites first.
        #expect(plan.items.count == starter.count)
        for (index, item) in plan.items.enumerated() {
            for prerequisite in item.action.prerequisites {
                #expect(plan.items.firstIndex { $0.id == prerequisite }! < index, "\(item.id)")
            }
        }
        let applicant = DiagnosticGrant.Applicant(activity: .retail, commune: "Bourail", headcount: 2, ridet: "1234567")
        let grant = DiagnosticGrant.assess(applicant, actions: plan.actions)
        let eligible = starter.filter(\.grantEligible).reduce(0) { $0 + $1.cost }
        #expect(grant.eligibleCost == eligible)
        #expect(grant.amount == min(eligible / 2, 250_000))
        #expect(grant.isCapped)
    }
}
