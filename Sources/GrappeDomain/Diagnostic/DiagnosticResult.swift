/// The scores of one diagnostic, computed from its raw answers by `DiagnosticScoring.result`.
/// May be stored next to the answers for lists, but the answers remain the source of truth.
public struct DiagnosticResult: Codable, Sendable, Equatable {
    /// The questionnaire version the answers belong to.
    public var version: Int
    /// Question key → 0–10: every scored question (0 when unanswered) and every answered
    /// informative one.
    public var questions: [String: Double]
    /// Each of the six dimensions, 0–100.
    public var dimensions: [DiagnosticDimension: Double]
    /// The unweighted mean of the six dimensions, 0–100.
    public var overall: Double

    public init(version: Int, questions: [String: Double], dimensions: [DiagnosticDimension: Double], overall: Double) {
        self.version = version
        self.questions = questions
        self.dimensions = dimensions
        self.overall = overall
    }

    public func score(_ dimension: DiagnosticDimension) -> Double { dimensions[dimension] ?? 0 }

    public var level: MaturityLevel { MaturityLevel(score: overall) }

    public func level(_ dimension: DiagnosticDimension) -> MaturityLevel { MaturityLevel(score: score(dimension)) }
}
