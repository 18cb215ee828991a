import Foundation
import Testing
@testable import GrappeDomain

/// Answers for the default questionnaire, built row by row so each test states what it ticks.
enum DiagnosticFixture {
    static let v1 = DiagnosticQuestionnaire.v1

    static func q(_ number: Int) -> DiagnosticQuestion { v1.question(dma: number)! }

    static func choices(_ number: Int, first count: Int) -> DiagnosticAnswer {
        .choices(Set(q(number).options.filter { !$0.exclusive }.prefix(count).map(\.key)))
    }

    static func scale(_ number: Int, _ levels: [Int]) -> DiagnosticAnswer {
        .scale(Dictionary(uniqueKeysWithValues: zip(q(number).rows.map(\.key), levels)))
    }

    static func triState(_ values: [DiagnosticAnswer.TriState]) -> DiagnosticAnswer {
        .triState(Dictionary(uniqueKeysWithValues: zip(q(11).rows.map(\.key), values)))
    }

    static func investment(_ ticks: [(Bool, Bool)]) -> DiagnosticAnswer {
        .investment(Dictionary(uniqueKeysWithValues: zip(q(1).rows.map(\.key), ticks.map { .init(already: $0.0, planned: $0.1) })))
    }

    /// Every DMA question at its lowest valid answer (Q7 with its negative option).
    static var allZero: [String: DiagnosticAnswer] {
        [
            q(1).key: investment([]), q(2).key: .choices([]), q(3).key: .choices([]),
            q(4).key: scale(4, Array(repeating: 0, count: 7)), q(5).key: .choices([]), q(6).key: .choices([]),
            q(7).key: .choices(["data_none"]), q(8).key: .choices([]), q(9).key: scale(9, Array(repeating: 0, count: 5)),
            q(10).key: .choices([]), q(11).key: triState(Array(repeating: .no, count: 5)),
        ]
    }

    /// Every DMA question at its highest answer.
    static var allMax: [String: DiagnosticAnswer] {
        [
            q(1).key: investment(Array(repeating: (true, true), count: 10)), q(2).key: choices(2, first: 10),
            q(3).key: choices(3, first: 10), q(4).key: scale(4, Array(repeating: 5, count: 7)),
            q(5).key: choices(5, first: 7), q(6).key: choices(6, first: 8), q(7).key: choices(7, first: 7),
            q(8).key: choices(8, first: 6), q(9).key: scale(9, Array(repeating: 5, count: 5)),
            q(10).key: choices(10, first: 10), q(11).key: triState(Array(repeating: .yes, count: 5)),
        ]
    }
}

func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

@Suite struct DiagnosticScoringTests {
    typealias F = DiagnosticFixture

    @Test func allZeroScoresZeroEverywhere() {
        let result = DiagnosticScoring.result(F.v1, F.allZero)
        #expect(result.questions.count == 11)
        #expect(result.questions.values.allSatisfy { $0 == 0 })
        #expect(DiagnosticDimension.allCases.allSatisfy { result.score($0) == 0 })
        #expect(result.overall == 0)
        #expect(result.level == .basic)
    }

    @Test func allMaxScoresTenAndAHundred() {
        let result = DiagnosticScoring.result(F.v1, F.allMax)
        #expect(result.questions.values.allSatisfy { close($0, 10) })
        #expect(DiagnosticDimension.allCases.allSatisfy { close(result.score($0), 100) })
        #expect(close(result.overall, 100))
        #expect(result.level == .advanced)
        #expect(result.version == 1)
    }

    @Test func aMixedInterviewFollowsTheDMAFormulas() {
        var answers: [String: DiagnosticAnswer] = [:]
        // Q1: 3 areas already invested, 2 planned only, 1 both, 4 neither → (3 + 1 + 2 × 0.5) of 10.
        answers[F.q(1).key] = F.investment([(true, false), (true, false), (true, false), (false, true), (false, true), (true, true)])
        answers[F.q(2).key] = F.choices(2, first: 3)                   // 3 of 10
        answers[F.q(3).key] = F.choices(3, first: 6)                   // 6 of 10
        answers[F.q(4).key] = F.scale(4, [5, 0, 0, 3, 2, 0, 0])        // Σ 10 of 7 × 5
        answers[F.q(5).key] = F.choices(5, first: 2)                   // 2 of 7
        answers[F.q(6).key] = F.choices(6, first: 4)                   // 4 of 8
        answers[F.q(7).key] = F.choices(7, first: 3)                   // 3 of the 7 positive options
        answers[F.q(8).key] = F.choices(8, first: 3)                   // 3 of 6
        answers[F.q(9).key] = F.scale(9, [4, 0, 0, 0, 5])              // Σ 9 of 5 × 5
        answers[F.q(10).key] = F.choices(10, first: 1)                 // 1 of 10
        answers[F.q(11).key] = F.triState([.yes, .partly, .no, .no, .yes])  // 2.5 of 5
        let result = DiagnosticScoring.result(F.v1, answers)

        let q1 = 10 * 5.0 / 10, q2 = 10 * 3.0 / 10, q3 = 10 * 6.0 / 10, q4 = 10 * 10.0 / 35
        let q5 = 10 * 2.0 / 7, q6 = 10 * 4.0 / 8, q7 = 10 * 3.0 / 7, q8 = 10 * 3.0 / 6
        let q9 = 10 * 9.0 / 25, q10 = 10 * 1.0 / 10, q11 = 10 * 2.5 / 5
        for (number, expected) in [(1, q1), (2, q2), (3, q3), (4, q4), (5, q5), (6, q6), (7, q7), (8, q8), (9, q9), (10, q10), (11, q11)] {
            #expect(close(result.questions[F.q(number).key] ?? -1, expected), "Q\(number)")
        }
        let d1 = (q1 + q2) * 5, d2 = (q3 + q4) * 5, d3 = (q5 + q6) * 5, d4 = (q7 + q8) * 5, d5 = q9 * 10, d6 = (q10 + q11) * 5
        #expect(close(result.score(.strategy), d1))
        #expect(close(result.score(.readiness), d2))
        #expect(close(result.score(.humanCentric), d3))
        #expect(close(result.score(.data), d4))
        #expect(close(result.score(.automation), d5))
        #expect(close(result.score(.green), d6))
        let overall = (d1 + d2 + d3 + d4 + d5 + d6) / 6
        #expect(close(result.overall, overall))
        // 40 + 44.29 + 39.29 + 46.43 + 36 + 30 = 236 → 39.3: average.
        #expect(result.level == .average)
        #expect(result.level(.automation) == .average)
        #expect(result.level(.green) == .average)
    }

    @Test func theExclusiveNegativeAnswerScoresZeroAndStandsAlone() {
        let q7 = F.q(7)
        #expect(DiagnosticScoring.score(q7, .choices(["data_none"])) == 0)
        #expect(DiagnosticScoring.score(q7, .choices(["data_none", "data1", "data2"])) == 0)
        #expect(close(DiagnosticScoring.score(q7, F.choices(7, first: 7)), 10))
        #expect(q7.problem(with: .choices(["data_none"])) == nil)
        #expect(q7.problem(with: .choices(["data_none", "data1"]))
            == "« Les données ne sont pas collectées sous forme numérique » exclut les autres réponses : décochez-les ou décochez celle-ci.")
        #expect(q7.problem(with: .choices([])) == "Cochez au moins une réponse, ou « Les données ne sont pas collectées sous forme numérique ».")
        // A question without a negative option may be left with no box ticked.
        #expect(F.q(2).problem(with: .choices([])) == nil)
    }

    @Test func missingAnswersScoreZeroAndHalveTheirDimension() {
        let result = DiagnosticScoring.result(F.v1, [F.q(8).key: F.choices(8, first: 6)])
        #expect(close(result.score(.data), (0 + 10) * 5))
        #expect(result.questions[F.q(7).key] == 0)
        #expect(close(result.overall, 50.0 / 6))
        #expect(DiagnosticScoring.result(F.v1, [:]).overall == 0)
    }

    @Test func informativeQuestionsAreScoredButLeaveTheDimensionAlone() throws {
        var answers = F.allZero
        let visibility = try #require(F.v1.question("local_visibility"))
        answers[visibility.key] = .choices(["vis1", "vis2", "vis3"])
        let result = DiagnosticScoring.result(F.v1, answers)
        #expect(close(result.questions[visibility.key] ?? -1, 10 * 3.0 / 6))
        #expect(result.score(.readiness) == 0)
        #expect(result.questions["local_equipment"] == nil)

        // Made scored in a later version, the local question joins its dimension's mean.
        var v2 = F.v1.copy(toVersion: 2)
        let index = try #require(v2.questions.firstIndex { $0.key == "local_equipment" })
        v2.questions[index].role = .scored
        answers["local_equipment"] = .triState(["eq1": .yes, "eq2": .yes, "eq3": .partly])
        answers[F.q(3).key] = F.choices(3, first: 4)
        let q3 = 4.0, q4 = 0.0, equipment = 10 * 2.5 / 3
        #expect(close(DiagnosticScoring.result(v2, answers).score(.readiness), 10 * (q3 + q4 + equipment) / 3))
    }

    @Test func scoringIsTotalOnBadInput() {
        let q4 = F.q(4)
        #expect(close(DiagnosticScoring.score(q4, .scale(["adv1": 9, "adv2": -3, "zzz": 5])), 10 * 5.0 / 35))
        #expect(DiagnosticScoring.score(q4, .choices(["adv1"])) == 0)
        #expect(DiagnosticScoring.score(q4, nil) == 0)
        #expect(close(DiagnosticScoring.score(F.q(2), .choices(["prep1", "nope"])), 1))
    }

    @Test func theFourLevelsUseTheReferenceBands() {
        let cases: [(Double, MaturityLevel)] = [
            (0, .basic), (25, .basic), (25.49, .basic), (25.5, .average), (26, .average), (50, .average), (50.4, .average),
            (50.5, .moderatelyAdvanced), (51, .moderatelyAdvanced), (75, .moderatelyAdvanced), (75.5, .advanced), (76, .advanced), (100, .advanced),
        ]
        for (score, level) in cases { #expect(MaturityLevel(score: score) == level, "\(score)") }
        #expect(MaturityLevel.allCases.map(\.range) == [0...25, 26...50, 51...75, 76...100])
        #expect(MaturityLevel.allCases.map(\.label) == ["Basique", "Moyen", "Modérément avancé", "Avancé"])
        #expect(MaturityLevel.basic < .advanced)
        #expect(DiagnosticScoring.shown(39.5) == 40 && DiagnosticScoring.shown(39.49) == 39)
    }
}

@Suite struct DiagnosticAnswerTests {
    typealias F = DiagnosticFixture

    @Test func answersAreCheckedAgainstTheirQuestion() {
        #expect(F.q(4).problem(with: .choices([])) == "Réponse d'un type inattendu : cette question attend « échelle de 0 à 5 par ligne ».")
        #expect(F.q(2).problem(with: .choices(["prep1", "prep99"])) == "Réponse inconnue : « prep99 ».")
        #expect(F.q(4).problem(with: F.scale(4, [0, 1, 2, 3, 4, 5, 6])) == "« Impression 3D » : le niveau va de 0 à 5.")
        #expect(F.q(4).problem(with: F.scale(4, [-1, 1, 2, 3, 4, 5, 0])) == "« Simulation et jumeaux numériques » : le niveau va de 0 à 5.")
        #expect(F.q(9).problem(with: F.scale(9, [1, 2, 3])) ==
            "Répondez à chaque ligne ; sans réponse : « Robots et automates », « Analyse de données et aide à la décision ».")
        #expect(F.q(11).problem(with: F.triState([.yes, .yes, .yes, .yes])) ==
            "Répondez à chaque ligne ; sans réponse : « Réemploi ou recyclage des anciens équipements informatiques ».")
        #expect(F.q(11).problem(with: .triState(["nope": .yes])) == "Ligne inconnue : « nope ».")
        #expect(F.q(1).problem(with: .investment(["area99": .init(already: true)])) == "Ligne inconnue : « area99 ».")
        #expect(F.q(1).problem(with: F.investment([])) == nil)
        #expect(F.q(4).problem(with: F.scale(4, [0, 1, 2, 3, 4, 5, 0])) == nil)
    }

    @Test func anInterviewClosesOnlyWhenEveryAskedQuestionIsAnswered() {
        var answers = F.allZero
        answers["local_equipment"] = .triState(["eq1": .no, "eq2": .no, "eq3": .no])
        #expect(F.v1.closingProblem(answers, activity: .craft) == nil)
        #expect(F.v1.closingProblem(answers, activity: .retail)
            == "L'entretien ne peut pas être clos : une question reste sans réponse complète (« Visibilité en ligne »).")
        answers[F.q(8).key] = nil
        answers[F.q(9).key] = F.scale(9, [1, 1])
        #expect(F.v1.unanswered(answers, activity: .craft).map(\.key) == [F.q(8).key, F.q(9).key])
        #expect(F.v1.closingProblem(answers, activity: .craft)
            == "L'entretien ne peut pas être clos : 2 questions restent sans réponse complète (« Q8 · Sécurité des données », « Q9 · Automatisation et IA »).")
        #expect(F.v1.unanswered([:], activity: nil).count == 13)
    }

    @Test func rawAnswersRoundTripAsStableJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(DiagnosticAnswer.choices(["b", "a"])), as: UTF8.self)
        #expect(json == #"{"choices":["a","b"],"kind":"multiple_choice"}"#)
        let investment = String(decoding: try encoder.encode(DiagnosticAnswer.investment(["area1": .init(already: true)])), as: UTF8.self)
        #expect(investment == #"{"kind":"investment","rows":{"area1":{"already":true,"planned":false}}}"#)
        let all = F.allMax.merging(["local_equipment": .triState(["eq1": .partly])]) { a, _ in a }
        let decoded = try JSONDecoder().decode([String: DiagnosticAnswer].self, from: try encoder.encode(all))
        #expect(decoded == all)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(DiagnosticAnswer.self, from: Data(#"{"kind":"essay","rows":{}}"#.utf8))
        }
    }

    @Test func storedAnswersRescoreToTheSameResult() throws {
        var answers = F.allZero
        answers[F.q(4).key] = F.scale(4, [1, 2, 3, 4, 5, 0, 1])
        answers[F.q(1).key] = F.investment([(true, false), (false, true)])
        let stored = try JSONEncoder().encode(answers)
        let rescored = DiagnosticScoring.result(F.v1, try JSONDecoder().decode([String: DiagnosticAnswer].self, from: stored))
        #expect(rescored == DiagnosticScoring.result(F.v1, answers))
        // Q4 = 10 × 16 ÷ 35, D2 = (0 + Q4) × 5; Q1 = 10 × 1.5 ÷ 10, D1 = (Q1 + 0) × 5.
        #expect(close(rescored.score(.readiness), 10 * 16.0 / 35 * 5))
        #expect(close(rescored.score(.strategy), 10 * 1.5 / 10 * 5))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(DiagnosticResult(version: 2, questions: ["q9_automation": 4], dimensions: [.automation: 40], overall: 40.0 / 6)), as: UTF8.self)
        #expect(json.hasPrefix(#"{"dimensions":{"automation":40},"overall":6.6"#))
        #expect(json.hasSuffix(#""questions":{"q9_automation":4},"version":2}"#))
    }
}
