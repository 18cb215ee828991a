import Testing
@testable import GrappeDomain

/// A batch of flag submissions judged at once must answer exactly what the same submissions
/// judged one by one would: never past the maximum, never two solves of one challenge.
@Suite struct AttemptBatchTests {
    static let a = AttemptKey(challengeID: 1, teamID: 10)
    static let b = AttemptKey(challengeID: 2, teamID: 10)

    static func entry(_ key: AttemptKey, _ correct: Bool, max: Int = 0) -> AttemptBatch.Entry {
        .init(key: key, correct: correct, maxAttempts: max)
    }

    @Test func attemptsAreCountedInArrivalOrderUpToTheMaximum() {
        let outcome = AttemptBatch.judge([Self.entry(Self.a, false, max: 3), Self.entry(Self.a, false, max: 3), Self.entry(Self.a, true, max: 3)],
                                         used: [Self.a: 1], solved: [])
        #expect(outcome.verdicts == [.incorrect, .incorrect, .exhausted], "1 used + 2 counted reach the maximum of 3: the right flag comes too late")
        #expect(outcome.used == [Self.a: 3])
        #expect(outcome.solves.isEmpty)
    }

    @Test func aSolveEndsTheTeamsAttemptsOnThatChallengeOnly() {
        let outcome = AttemptBatch.judge([Self.entry(Self.a, true), Self.entry(Self.a, true), Self.entry(Self.b, false), Self.entry(Self.a, false)],
                                         used: [:], solved: [])
        #expect(outcome.verdicts == [.correct, .alreadySolved, .incorrect, .alreadySolved])
        #expect(outcome.solves == [0])
        #expect(outcome.used == [Self.a: 1, Self.b: 1], "answers refused as already solved are not counted")
    }

    @Test func whatTheDatabaseHoldsComesFirst() {
        let outcome = AttemptBatch.judge([Self.entry(Self.a, true), Self.entry(Self.b, true, max: 2)], used: [Self.a: 4, Self.b: 2], solved: [Self.a])
        #expect(outcome.verdicts == [.alreadySolved, .exhausted])
        #expect(outcome.used.isEmpty && outcome.solves.isEmpty, "nothing changed, nothing to write")
    }

    @Test func noMaximumMeansEveryAttemptCounts() {
        let entries = (0..<50).map { _ in Self.entry(Self.a, false) }
        let outcome = AttemptBatch.judge(entries, used: [Self.a: 1_000], solved: [])
        #expect(outcome.verdicts.allSatisfy { $0 == .incorrect } && outcome.used == [Self.a: 1_050])
    }
}
