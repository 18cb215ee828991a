/// How far an interview has gone, dimension by dimension: the questions asked of the business
/// and how many of them have a complete answer (what the interview's overview shows).
public struct InterviewProgress: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        public let dimension: DiagnosticDimension
        public let asked: Int
        public let answered: Int

        public var isComplete: Bool { answered == asked }
    }

    public let steps: [Step]

    public init(_ questionnaire: DiagnosticQuestionnaire, _ answers: [String: DiagnosticAnswer], activity: BusinessActivity?) {
        steps = DiagnosticDimension.allCases.map { dimension in
            let asked = questionnaire.questions(in: dimension).filter { $0.isAsked(of: activity) }
            let answered = asked.filter { question in answers[question.key].map { question.problem(with: $0) == nil } ?? false }
            return Step(dimension: dimension, asked: asked.count, answered: answered.count)
        }
    }

    public var asked: Int { steps.reduce(0) { $0 + $1.asked } }
    public var answered: Int { steps.reduce(0) { $0 + $1.answered } }

    /// The dimension after `dimension`, nil after the last.
    public static func step(after dimension: DiagnosticDimension) -> DiagnosticDimension? {
        let all = DiagnosticDimension.allCases
        guard let index = all.firstIndex(of: dimension), index + 1 < all.count else { return nil }
        return all[index + 1]
    }
}
