import Foundation
import Testing
@testable import GrappeDomain

/// The rules behind the staff's diagnostic tools: keys made from titles, what a draft may
/// change, the grant's outcome, the follow-up's window.
@Suite struct DiagnosticToolsTests {
    @Test func aKeyComesFromTheTitleAndStaysUnique() {
        #expect(CatalogueKey.make(from: "Sauvegarde des données à l'extérieur", taken: []) == "sauvegarde-des-donnees-a-l-exterieur")
        #expect(CatalogueKey.make(from: "Site vitrine", taken: ["site-vitrine"]) == "site-vitrine-2")
        #expect(CatalogueKey.make(from: "Site vitrine", taken: ["site-vitrine", "site-vitrine-2"]) == "site-vitrine-3")
        let long = CatalogueKey.make(from: String(repeating: "Très long titre ", count: 10), taken: [])
        #expect(long.count <= CatalogueKey.maximumLength && !long.hasSuffix("-") && DiagnosticQuestion.isValidKey(long))
    }

    @Test func aDMAQuestionStaysALocalOneMayGo() throws {
        let v1 = DiagnosticQuestionnaire.v1
        let dma = try #require(v1.question(dma: 3))
        #expect(v1.removalProblem(dma.key) == "La question Q3 du DMA ne peut pas être retirée : les scores ne seraient plus comparables.")
        let local = try #require(v1.questions.first(where: { $0.isLocal }))
        #expect(v1.removalProblem(local.key) == nil)
        let without = v1.removing(local.key)
        #expect(without.questions.count == v1.questions.count - 1 && without.question(local.key) == nil)
        #expect(v1.removing(dma.key) == v1, "removing never takes a DMA question out")
        #expect(v1.removalProblem("nope") == "Cette question n'existe pas dans cette version.")
    }

    @Test func aLocalQuestionIsInformativeAndJoinsItsDimension() throws {
        let v1 = DiagnosticQuestionnaire.v1
        let question = DiagnosticQuestion.local(key: "paiement", dimension: .data, title: " Paiement ", text: "Comment vos clients paient-ils ?",
                                                kind: .multipleChoice, labels: ["Espèces", "", "Carte"])
        #expect(question.role == .informative && question.isLocal && question.title == "Paiement")
        #expect(question.options.map(\.key) == ["o1", "o2"] && question.options.allSatisfy { $0.points == 1 })
        #expect(question.problems().isEmpty)
        let added = v1.adding(question)
        let lastData = try #require(added.questions.lastIndex(where: { $0.dimension == .data }))
        #expect(added.questions[lastData].key == "paiement" && added.isDMACompatible == v1.isDMACompatible && added.problems().isEmpty)
        let rows = DiagnosticQuestion.local(key: "wifi", dimension: .readiness, title: "Wifi", text: "Le wifi ?", kind: .triState, labels: ["Boutique"])
        #expect(rows.rows.map(\.key) == ["r1"] && rows.options.isEmpty && rows.problems().isEmpty)
        let single = DiagnosticQuestion.local(key: "seule", dimension: .data, title: "Seule", text: "Une seule ?", kind: .multipleChoice, labels: ["Oui"])
        #expect(single.problems() == ["Question « Seule » : proposez au moins deux réponses."])
    }

    @Test func replacingAQuestionKeepsTheOthers() throws {
        let v1 = DiagnosticQuestionnaire.v1
        var q = try #require(v1.question(dma: 2))
        #expect(q.kind == .multipleChoice)
        q.options[0].points = 11
        let edited = v1.replacing(q)
        #expect(edited.questions.count == v1.questions.count && edited.question(dma: 3) == v1.question(dma: 3))
        #expect(edited.problems() == ["Question « \(q.title) » : la réponse « \(q.options[0].label) » vaut 11 points ; les points vont de 0 à 10."])
    }

    @Test func theGrantedAmountIsNeverAboveTheCap() {
        let rules = GrantRules.provinceSud
        #expect(DiagnosticGrant.grantedAmountProblem(250_000, rules: rules) == nil)
        #expect(DiagnosticGrant.grantedAmountProblem(250_001, rules: rules) == "Le montant accordé ne peut dépasser le plafond de l'aide (\(Money.xpf(250_000))).")
        #expect(DiagnosticGrant.grantedAmountProblem(0, rules: rules) == "Indiquez le montant accordé, en francs XPF.")
        #expect(DiagnosticGrant.aboveEstimateWarning(120_000, estimate: 100_000)
                == "Le montant accordé (\(Money.xpf(120_000))) dépasse l'estimation du diagnostic (\(Money.xpf(100_000))).")
        #expect(DiagnosticGrant.aboveEstimateWarning(100_000, estimate: 100_000) == nil)
    }

    @Test func theFollowUpIsSixToTwelveMonthsLater() {
        let closed = FrenchDate.make(2025, 3, 10)
        let window = DiagnosticComparison.followUpWindow(after: closed)
        #expect(window.lowerBound == FrenchDate.make(2025, 9, 10) && window.upperBound == FrenchDate.make(2026, 3, 10))
        #expect(DiagnosticComparison.suggestedFollowUp(after: closed, today: FrenchDate.make(2025, 4, 1)) == FrenchDate.make(2025, 9, 10))
        #expect(DiagnosticComparison.suggestedFollowUp(after: closed, today: FrenchDate.make(2025, 11, 2)) == FrenchDate.make(2025, 11, 2))
    }
}
