/// A version of the diagnostic questionnaire. Versions are never changed once a diagnostic was
/// taken with them: staff make the next one with `copy(toVersion:)`, and every diagnostic keeps
/// the version it was taken with, stored with its raw answers so that scores can be recomputed.
public struct DiagnosticQuestionnaire: Codable, Sendable, Equatable {
    public var version: Int
    public var title: String
    /// In the order they are asked; grouped by dimension when shown.
    public var questions: [DiagnosticQuestion]

    public init(version: Int, title: String, questions: [DiagnosticQuestion]) {
        self.version = version
        self.title = title
        self.questions = questions
    }

    public func question(_ key: String) -> DiagnosticQuestion? {
        questions.first { $0.key == key }
    }

    /// The question standing for the DMA's question `number` (1–11), if the version has it.
    public func question(dma number: Int) -> DiagnosticQuestion? {
        questions.first { $0.dmaNumber == number }
    }

    public func questions(in dimension: DiagnosticDimension) -> [DiagnosticQuestion] {
        questions.filter { $0.dimension == dimension }
    }

    /// The questions a business of this activity is asked.
    public func questions(askedOf activity: BusinessActivity?) -> [DiagnosticQuestion] {
        questions.filter { $0.isAsked(of: activity) }
    }

    /// A new version with the same questions, for staff to edit.
    public func copy(toVersion newVersion: Int, title newTitle: String? = nil) -> DiagnosticQuestionnaire {
        var copy = self
        copy.version = newVersion
        copy.title = newTitle ?? title
        return copy
    }

    /// The number the next version takes, after those that exist.
    public static func nextVersion(after existing: [Int]) -> Int {
        (existing.max() ?? 0) + 1
    }

    /// Whether scores from this version compare with the EU DMA's: all eleven DMA questions are
    /// there, scored, in their dimension and of their type, and no local question counts in a
    /// dimension's score.
    public var isDMACompatible: Bool {
        let dma = questions.filter { !$0.isLocal }
        guard dma.count == 11, Set(dma.compactMap(\.dmaNumber)) == Set(1...11) else { return false }
        return dma.allSatisfy { question in
            guard let number = question.dmaNumber else { return false }
            return question.role == .scored && question.dimension == DiagnosticDimension.forDMAQuestion(number)
                && question.kind == Self.dmaKind(number)
        } && questions.filter(\.isLocal).allSatisfy { $0.role == .informative }
    }

    /// The type of the DMA's question `number`: Q1 investment, Q4 and Q9 scales, Q11 tri-state,
    /// the others multiple choice.
    public static func dmaKind(_ number: Int) -> DiagnosticQuestion.Kind {
        switch number {
        case 1: .investment
        case 4, 9: .scale
        case 11: .triState
        default: .multipleChoice
        }
    }
}
