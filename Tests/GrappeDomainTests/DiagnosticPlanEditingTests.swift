import Testing
@testable import GrappeDomain

/// The advisor's plan editor: each change becomes overrides that rebuild into the plan shown.
@Suite struct DiagnosticPlanEditingTests {
    typealias P = PlanFixture

    func plan(_ overrides: DiagnosticPlan.Overrides = .init()) -> DiagnosticPlan {
        DiagnosticPlan.build(catalogue: P.catalogue, result: P.result, gaps: P.gaps, overrides: overrides)
    }

    @Test func movingSwapsWithTheNeighbourAndFixesTheWholeOrder() {
        var overrides = DiagnosticPlan.Overrides()
        #expect(DiagnosticPlanEditing.move("backup", up: true, in: plan(), &overrides) == nil)
        #expect(plan(overrides).items.map(\.id) == ["backup", "training", "audit", "security_policy", "website", "chatbot"])
        #expect(DiagnosticPlanEditing.move("backup", up: false, in: plan(overrides), &overrides) == nil)
        #expect(plan(overrides).items.map(\.id) == ["training", "backup", "audit", "security_policy", "website", "chatbot"])
        // Moving an action past its prerequisite is allowed, and warned about.
        #expect(DiagnosticPlanEditing.move("security_policy", up: true, in: plan(overrides), &overrides) == nil)
        #expect(plan(overrides).warnings == ["« Politique de sécurité » est placée avant son prérequis « Audit de sécurité »."])
    }

    @Test func movingPastEitherEndOrAnActionNotInThePlanIsRefused() {
        let before = DiagnosticPlan.Overrides(order: ["backup"])
        var overrides = before
        #expect(DiagnosticPlanEditing.move("backup", up: true, in: plan(overrides), &overrides) == "Cette action est déjà la première du plan.")
        #expect(DiagnosticPlanEditing.move("chatbot", up: false, in: plan(overrides), &overrides) == "Cette action est déjà la dernière du plan.")
        #expect(DiagnosticPlanEditing.move("green", up: true, in: plan(overrides), &overrides) == "Cette action n'est plus dans le plan.")
        #expect(overrides == before)
    }

    @Test func removingDropsTheActionAndWarnsAboutWhatNeededIt() {
        var overrides = DiagnosticPlan.Overrides(order: ["audit", "training"])
        #expect(DiagnosticPlanEditing.remove("audit", from: plan(overrides), &overrides) == nil)
        #expect(overrides.removed == ["audit"] && overrides.order == ["training"])
        #expect(!plan(overrides).items.map(\.id).contains("audit"))
        #expect(plan(overrides).warnings == ["« Politique de sécurité » suppose « Audit de sécurité », retirée du plan."])
        #expect(DiagnosticPlanEditing.remove("audit", from: plan(overrides), &overrides) == "Cette action n'est plus dans le plan.")
    }

    @Test func addingTakesAnActionOfTheCatalogueOrBringsARemovedOneBack() {
        var overrides = DiagnosticPlan.Overrides()
        #expect(DiagnosticPlanEditing.add("green", to: plan(), catalogue: P.catalogue, result: P.result, gaps: P.gaps, &overrides) == nil)
        #expect(overrides.added == ["green"] && plan(overrides).items.first { $0.id == "green" }?.reasons == [.advisor])

        _ = DiagnosticPlanEditing.remove("backup", from: plan(overrides), &overrides)
        #expect(DiagnosticPlanEditing.add("backup", to: plan(overrides), catalogue: P.catalogue, result: P.result, gaps: P.gaps, &overrides) == nil)
        #expect(overrides.removed.isEmpty && overrides.added == ["green"], "back for its own reasons, not as the advisor's")
        #expect(plan(overrides).items.first { $0.id == "backup" }?.reasons == [.gap(.dataWithoutSecurity)])

        // An advisor's action removed then added again is the advisor's again.
        _ = DiagnosticPlanEditing.remove("green", from: plan(overrides), &overrides)
        #expect(overrides.added.isEmpty && !plan(overrides).items.map(\.id).contains("green"))
        #expect(DiagnosticPlanEditing.add("green", to: plan(overrides), catalogue: P.catalogue, result: P.result, gaps: P.gaps, &overrides) == nil)
        #expect(plan(overrides).items.map(\.id).contains("green"))
    }

    @Test func addingNothingAnUnknownActionOrOneAlreadyThereIsRefused() {
        let before = DiagnosticPlan.Overrides(added: ["green"])
        var overrides = before
        func add(_ key: String) -> String? {
            DiagnosticPlanEditing.add(key, to: plan(overrides), catalogue: P.catalogue, result: P.result, gaps: P.gaps, &overrides)
        }
        #expect(add("") == "Choisissez une action du catalogue.")
        #expect(add("inconnue") == "Cette action n'est pas au catalogue.")
        #expect(add("training") == "Cette action est déjà dans le plan.")
        #expect(add("green") == "Cette action est déjà dans le plan.")
        #expect(overrides == before)
    }
}
