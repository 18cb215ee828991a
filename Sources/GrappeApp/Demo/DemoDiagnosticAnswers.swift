import GrappeDomain

/// Answers to a questionnaire for a business of a given maturity (0 nothing, 1 everything),
/// drawn with the demo's seeded generator: each question asked of the activity gets a complete
/// answer, a little above or below the business's maturity in each dimension.
enum DemoDiagnosticAnswers {
    static func draw(_ questionnaire: DiagnosticQuestionnaire, activity: BusinessActivity, maturity: [DiagnosticDimension: Double],
                     using rng: inout DemoRandom) -> [String: DiagnosticAnswer] {
        var answers: [String: DiagnosticAnswer] = [:]
        for question in questionnaire.questions(askedOf: activity) {
            let p = maturity[question.dimension] ?? 0.5
            answers[question.key] = answer(question, p: p, using: &rng)
        }
        return answers
    }

    static func answer(_ q: DiagnosticQuestion, p: Double, using rng: inout DemoRandom) -> DiagnosticAnswer {
        switch q.kind {
        case .multipleChoice:
            let ticked = Set(q.options.filter { !$0.exclusive && rng.unit() < p }.map(\.key))
            if ticked.isEmpty, let none = q.exclusiveOption { return .choices([none.key]) }
            return .choices(ticked)
        case .scale:
            return .scale(Dictionary(uniqueKeysWithValues: q.rows.map { row in
                (row.key, min(5, max(0, Int((p * 5 + rng.unit() * 2 - 1).rounded()))))
            }))
        case .triState:
            return .triState(Dictionary(uniqueKeysWithValues: q.rows.map { row -> (String, DiagnosticAnswer.TriState) in
                let x = p + rng.unit() * 0.5 - 0.25
                return (row.key, x > 0.66 ? .yes : (x > 0.33 ? .partly : .no))
            }))
        case .investment:
            return .investment(Dictionary(uniqueKeysWithValues: q.rows.map { row in
                let already = rng.unit() < p
                return (row.key, DiagnosticAnswer.Investment(already: already, planned: !already && rng.unit() < 0.5))
            }))
        }
    }
}
