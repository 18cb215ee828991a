/// The DMA's scoring: each question 0–10, each dimension 0–100, overall the unweighted mean of
/// the six dimensions.
///
/// - Multiple choice: 10 × points of the ticked options ÷ points of all options. Every DMA
///   option is worth 1, so this is the DMA's 10 × ticked ÷ options. The exclusive negative
///   option is worth 0 and is left out of the total: counted, it would cap Q7 at 8.75 for a
///   business ticking every data practice; ticked, it scores the question 0.
/// - Scale: 10 × Σ levels ÷ (rows × 5).
/// - Tri-state: 10 × Σ {no 0, partly 0.5, yes 1} ÷ rows.
/// - Investment (Q1): 10 × Σ {already 1, planned only 0.5, neither 0} ÷ rows.
/// - Dimension: 10 × the mean of its scored questions, i.e. (Qa + Qb) × 5, or Q9 × 10 for the
///   dimension that has one question.
///
/// Scoring is total: a missing answer scores 0, unknown keys are ignored and levels are clamped
/// to 0–5, so a half-filled interview can be previewed. `AnswerCheck` decides what is valid.
public enum DiagnosticScoring {
    public static func score(_ question: DiagnosticQuestion, _ answer: DiagnosticAnswer?) -> Double {
        guard let answer, answer.kind == question.kind else { return 0 }
        switch answer {
        case .choices(let keys):
            if let negative = question.exclusiveOption, keys.contains(negative.key) { return 0 }
            let counted = question.options.filter { !$0.exclusive }
            let total = counted.reduce(0) { $0 + max($1.points, 0) }
            guard total > 0 else { return 0 }
            let ticked = counted.filter { keys.contains($0.key) }.reduce(0) { $0 + max($1.points, 0) }
            return 10 * Double(ticked) / Double(total)
        case .scale(let values):
            guard !question.rows.isEmpty else { return 0 }
            let top = DiagnosticQuestion.scaleRange.upperBound
            let sum = question.rows.reduce(0) { $0 + min(max(values[$1.key] ?? 0, 0), top) }
            return 10 * Double(sum) / Double(question.rows.count * top)
        case .triState(let values):
            guard !question.rows.isEmpty else { return 0 }
            let sum = question.rows.reduce(0.0) { $0 + (values[$1.key]?.points ?? 0) }
            return 10 * sum / Double(question.rows.count)
        case .investment(let values):
            guard !question.rows.isEmpty else { return 0 }
            let sum = question.rows.reduce(0.0) { $0 + (values[$1.key]?.points ?? 0) }
            return 10 * sum / Double(question.rows.count)
        }
    }

    /// Scores every question, dimension and the whole of a questionnaire's answers.
    public static func result(_ questionnaire: DiagnosticQuestionnaire, _ answers: [String: DiagnosticAnswer]) -> DiagnosticResult {
        var questionScores: [String: Double] = [:]
        var dimensions: [DiagnosticDimension: Double] = [:]
        for question in questionnaire.questions where question.role == .scored || answers[question.key] != nil {
            questionScores[question.key] = score(question, answers[question.key])
        }
        for dimension in DiagnosticDimension.allCases {
            let scored = questionnaire.questions(in: dimension).filter { $0.role == .scored }
            let sum = scored.reduce(0.0) { $0 + (questionScores[$1.key] ?? 0) }
            dimensions[dimension] = scored.isEmpty ? 0 : 10 * sum / Double(scored.count)
        }
        let overall = DiagnosticDimension.allCases.reduce(0.0) { $0 + (dimensions[$1] ?? 0) } / Double(DiagnosticDimension.allCases.count)
        return DiagnosticResult(version: questionnaire.version, questions: questionScores, dimensions: dimensions, overall: overall)
    }

    /// A score as it is shown: to the nearest whole number, halves up (25.5 → 26).
    public static func shown(_ score: Double) -> Int {
        Int(score.rounded(.toNearestOrAwayFromZero))
    }
}
