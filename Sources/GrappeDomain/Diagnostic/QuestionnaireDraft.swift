/// What staff may change in a draft version of the questionnaire: the wording of every question,
/// the points of its options, and the local questions they add or take out. The DMA's eleven
/// questions stay, so that scores keep comparing with every EDIH's.
extension DiagnosticQuestionnaire {
    /// The kinds a local question added from the form may take: boxes to tick, or no / partly / yes rows.
    public static let localKinds: [DiagnosticQuestion.Kind] = [.multipleChoice, .triState]

    /// Why the question cannot be taken out of a draft, in French; nil when it can.
    public func removalProblem(_ key: String) -> String? {
        guard let question = question(key) else { return "Cette question n'existe pas dans cette version." }
        if let number = question.dmaNumber {
            return "La question Q\(number) du DMA ne peut pas être retirée : les scores ne seraient plus comparables."
        }
        return nil
    }

    /// The questionnaire without the local question `key`.
    public func removing(_ key: String) -> DiagnosticQuestionnaire {
        var copy = self
        copy.questions.removeAll { $0.key == key && $0.isLocal }
        return copy
    }

    /// The questionnaire with `question` in place of the one of the same key.
    public func replacing(_ question: DiagnosticQuestion) -> DiagnosticQuestionnaire {
        var copy = self
        copy.questions = questions.map { $0.key == question.key ? question : $0 }
        return copy
    }

    /// The questionnaire with a new local, informative question at the end of its dimension.
    public func adding(_ question: DiagnosticQuestion) -> DiagnosticQuestionnaire {
        var copy = self
        let index = copy.questions.lastIndex { $0.dimension == question.dimension }.map { $0 + 1 } ?? copy.questions.endIndex
        copy.questions.insert(question, at: index)
        return copy
    }
}

extension DiagnosticQuestion {
    /// A local question as staff type it: each line of `labels` becomes an option worth one point
    /// (several choices) or a row (no / partly / yes). Informative: it does not move the DMA scores.
    public static func local(key: String, dimension: DiagnosticDimension, title: String, text: String, help: String = "",
                             kind: Kind, labels: [String]) -> DiagnosticQuestion {
        let lines = labels.map { FieldCheck.trimmed($0) }.filter { !$0.isEmpty }
        let keyed = lines.enumerated().map { (key: "\(kind == .multipleChoice ? "o" : "r")\($0.offset + 1)", label: $0.element) }
        return DiagnosticQuestion(key: key, dimension: dimension, dmaNumber: nil, title: FieldCheck.trimmed(title), text: FieldCheck.trimmed(text),
                                  help: FieldCheck.trimmed(help), kind: kind, role: .informative,
                                  options: kind == .multipleChoice ? keyed.map { Option(key: $0.key, label: $0.label) } : [],
                                  rows: kind == .multipleChoice ? [] : keyed.map { Row(key: $0.key, label: $0.label) })
    }
}
