/// What the interview may save before an answer is complete: during the hour the advisor saves
/// each step as it goes, and a question half answered (some rows of a scale, none of the boxes
/// of a question with an exclusive « none ») is kept as it is and counts as unanswered at closing
/// (`closingProblem`). What is wrong whatever comes next is refused.
extension DiagnosticQuestion {
    /// Nil when `answer` may be saved as it is; otherwise why not, in French. Refused: another
    /// kind, an unknown option or row, the exclusive option ticked with others, a level outside
    /// 0–5. Accepted: rows left out, no box ticked.
    public func savingProblem(with answer: DiagnosticAnswer) -> String? {
        guard answer.kind == kind else {
            return "Réponse d'un type inattendu : cette question attend « \(kind.label) »."
        }
        switch answer {
        case .choices(let keys):
            // Empty is incomplete at worst; otherwise the complete check says all there is.
            return keys.isEmpty ? nil : problem(with: answer)
        case .scale(let values):
            if let unknown = unknownRow(Set(values.keys)) { return unknown }
            if let row = rows.first(where: { values[$0.key].map { !Self.scaleRange.contains($0) } ?? false }) {
                return "« \(row.label) » : le niveau va de 0 à 5."
            }
            return nil
        case .triState(let values):
            return unknownRow(Set(values.keys))
        case .investment(let values):
            return unknownRow(Set(values.keys))
        }
    }

    /// Whether `answer` is nothing at all: no box, no row. Such an answer is not stored, except
    /// where ticking nothing is itself a complete answer (`problem(with:)` is nil: a multiple
    /// choice without an exclusive option, an investment question).
    public func isBlank(_ answer: DiagnosticAnswer) -> Bool {
        switch answer {
        case .choices(let keys): keys.isEmpty
        case .scale(let values): values.isEmpty
        case .triState(let values): values.isEmpty
        case .investment(let values): values.isEmpty
        }
    }

    private func unknownRow(_ answered: Set<String>) -> String? {
        answered.subtracting(rows.map(\.key)).sorted().first.map { "Ligne inconnue : « \($0.prefix(60)) »." }
    }
}
