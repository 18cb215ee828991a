import Testing
@testable import GrappeDomain

/// What the interview may save before an answer is complete, and how far it has gone.
@Suite struct DiagnosticInterviewRulesTests {
    let v1 = DiagnosticQuestionnaire.v1

    @Test func aPartialAnswerMaySaveButStaysUnanswered() throws {
        let scale = try #require(v1.question(dma: 4))
        let partial = DiagnosticAnswer.scale(["adv1": 3])
        #expect(scale.savingProblem(with: partial) == nil)
        #expect(scale.problem(with: partial) != nil, "incomplete at closing")
        let data = try #require(v1.question(dma: 7))
        #expect(data.savingProblem(with: .choices([])) == nil)
        #expect(data.problem(with: .choices([])) == "Cochez au moins une réponse, ou « Les données ne sont pas collectées sous forme numérique ».")
        let green = try #require(v1.question(dma: 11))
        #expect(green.savingProblem(with: .triState(["env2": .partly])) == nil)
    }

    @Test func whatIsWrongWhateverComesNextIsRefused() throws {
        let scale = try #require(v1.question(dma: 4))
        #expect(scale.savingProblem(with: .scale(["adv1": 7])) == "« Simulation et jumeaux numériques » : le niveau va de 0 à 5.")
        #expect(scale.savingProblem(with: .scale(["nope": 1])) == "Ligne inconnue : « nope ».")
        #expect(scale.savingProblem(with: .choices(["x"]))?.hasPrefix("Réponse d'un type inattendu") == true)
        let data = try #require(v1.question(dma: 7))
        #expect(data.savingProblem(with: .choices(["data_none", "data1"]))?.contains("exclut les autres réponses") == true)
        #expect(data.savingProblem(with: .choices(["data9"])) == "Réponse inconnue : « data9 ».")
        let q1 = try #require(v1.question(dma: 1))
        #expect(q1.savingProblem(with: .investment(["area99": .init(already: true)])) == "Ligne inconnue : « area99 ».")
    }

    @Test func blankAnswersAreNothingTicked() throws {
        let q1 = try #require(v1.question(dma: 1))
        #expect(q1.isBlank(.investment([:])) && !q1.isBlank(.investment(["area1": .init(planned: true)])))
        #expect(q1.isBlank(.choices([])) && !q1.isBlank(.scale(["a": 0])))
    }

    @Test func progressCountsCompleteAnswersOfTheQuestionsAsked() {
        let answers: [String: DiagnosticAnswer] = [
            "q1_investments": .investment([:]),
            "q2_preparedness": .choices([]),
            "q4_advanced_technologies": .scale(["adv1": 2]),
            "local_visibility": .choices(["vis1"]),
        ]
        let retail = InterviewProgress(v1, answers, activity: .retail)
        let strategy = retail.steps[0], readiness = retail.steps[1]
        #expect(strategy.dimension == .strategy && strategy.asked == 2 && strategy.answered == 2 && strategy.isComplete)
        #expect(readiness.asked == 4 && readiness.answered == 1, "Q3 and Q4 incomplete, the two local questions asked of a shop")
        let craft = InterviewProgress(v1, answers, activity: .craft)
        #expect(craft.steps[1].asked == 3 && craft.steps[1].answered == 0, "visibility is asked of shops only")
        #expect(craft.asked == v1.questions(askedOf: .craft).count)
        #expect(InterviewProgress.step(after: .strategy) == .readiness && InterviewProgress.step(after: .green) == nil)
    }
}
