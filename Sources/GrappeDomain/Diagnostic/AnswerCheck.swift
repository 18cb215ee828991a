/// Whether an answer fits its question, in French; and what keeps an interview from closing.
extension DiagnosticQuestion {
    /// Nil when `answer` is a complete, valid answer to this question; otherwise why not.
    /// Multiple choice: known options only, the exclusive one alone, and — when the question
    /// has an exclusive negative option — at least one box (the negative one says « none »).
    /// Scale and tri-state: every row answered, scale levels 0–5. Investment: known rows; an
    /// area left unticked means neither invested nor planned.
    public func problem(with answer: DiagnosticAnswer) -> String? {
        guard answer.kind == kind else {
            return "Réponse d'un type inattendu : cette question attend « \(kind.label) »."
        }
        switch answer {
        case .choices(let keys):
            let known = Set(options.map(\.key))
            if let unknown = keys.subtracting(known).sorted().first {
                return "Réponse inconnue : « \(unknown.prefix(60)) »."
            }
            if let negative = exclusiveOption {
                if keys.contains(negative.key) && keys.count > 1 {
                    return "« \(negative.label) » exclut les autres réponses : décochez-les ou décochez celle-ci."
                }
                if keys.isEmpty {
                    return "Cochez au moins une réponse, ou « \(negative.label) »."
                }
            }
            return nil
        case .scale(let values):
            if let problem = rowProblem(Set(values.keys)) { return problem }
            if let row = rows.first(where: { values[$0.key].map { !Self.scaleRange.contains($0) } ?? false }) {
                return "« \(row.label) » : le niveau va de 0 à 5."
            }
            return nil
        case .triState(let values):
            return rowProblem(Set(values.keys))
        case .investment(let values):
            if let unknown = Set(values.keys).subtracting(rows.map(\.key)).sorted().first {
                return "Ligne inconnue : « \(unknown.prefix(60)) »."
            }
            return nil
        }
    }

    private func rowProblem(_ answered: Set<String>) -> String? {
        if let unknown = answered.subtracting(rows.map(\.key)).sorted().first {
            return "Ligne inconnue : « \(unknown.prefix(60)) »."
        }
        let missing = rows.filter { !answered.contains($0.key) }
        if !missing.isEmpty {
            return "Répondez à chaque ligne ; sans réponse : " + missing.map { "« \($0.label) »" }.joined(separator: ", ") + "."
        }
        return nil
    }
}

extension DiagnosticQuestionnaire {
    /// The questions asked of this business that have no valid, complete answer yet.
    public func unanswered(_ answers: [String: DiagnosticAnswer], activity: BusinessActivity?) -> [DiagnosticQuestion] {
        questions(askedOf: activity).filter { question in
            guard let answer = answers[question.key] else { return true }
            return question.problem(with: answer) != nil
        }
    }

    /// Why the interview cannot be closed yet, in French; nil when it can. Lists the titles
    /// of the questions still unanswered (an invalid or partial answer counts as unanswered).
    public func closingProblem(_ answers: [String: DiagnosticAnswer], activity: BusinessActivity?) -> String? {
        let missing = unanswered(answers, activity: activity)
        guard !missing.isEmpty else { return nil }
        let list = missing.map { "« \($0.label) »" }.joined(separator: ", ")
        return missing.count == 1
            ? "L'entretien ne peut pas être clos : une question reste sans réponse complète (\(list))."
            : "L'entretien ne peut pas être clos : \(missing.count) questions restent sans réponse complète (\(list))."
    }
}
