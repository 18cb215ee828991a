/// The raw answer to one question, as the advisor entered it during the interview. Stored as
/// JSON (`{"kind": "scale", "rows": {"adv1": 3}}`) with the questionnaire's version, so that the
/// scores can be recomputed whenever the rules change. Each case matches a question kind.
public enum DiagnosticAnswer: Sendable, Equatable {
    /// The keys of the ticked options (multiple choice).
    case choices(Set<String>)
    /// Row key → level 0–5 (scale).
    case scale([String: Int])
    /// Row key → no / partly / yes (tri-state).
    case triState([String: TriState])
    /// Row key → the two boxes (investment); a row left out has neither ticked.
    case investment([String: Investment])

    public enum TriState: String, CaseIterable, Codable, Sendable {
        case no
        case partly
        case yes

        public var label: String {
            switch self {
            case .no: "Non"
            case .partly: "En partie"
            case .yes: "Oui"
            }
        }

        /// The DMA's 0 / 0.5 / 1.
        public var points: Double {
            switch self {
            case .no: 0
            case .partly: 0.5
            case .yes: 1
            }
        }
    }

    /// The two boxes of a business area in Q1.
    public struct Investment: Codable, Sendable, Equatable {
        /// « Déjà investi ».
        public var already: Bool
        /// « Investissement prévu ».
        public var planned: Bool

        public init(already: Bool = false, planned: Bool = false) {
            self.already = already
            self.planned = planned
        }

        /// What the row is worth, of 1: already invested 1, planned only 0.5, neither 0 (the
        /// dmsa specification's reading of the DMA; an investment made counts whatever is planned).
        public var points: Double { already ? Self.alreadyPoints : (planned ? Self.plannedOnlyPoints : 0) }

        public static let alreadyPoints = 1.0
        public static let plannedOnlyPoints = 0.5
    }

    /// The question kind this answer fits.
    public var kind: DiagnosticQuestion.Kind {
        switch self {
        case .choices: .multipleChoice
        case .scale: .scale
        case .triState: .triState
        case .investment: .investment
        }
    }
}

extension DiagnosticAnswer: Codable {
    private enum CodingKeys: String, CodingKey { case kind, choices, rows }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(DiagnosticQuestion.Kind.self, forKey: .kind) {
        case .multipleChoice: self = .choices(Set(try c.decode([String].self, forKey: .choices)))
        case .scale: self = .scale(try c.decode([String: Int].self, forKey: .rows))
        case .triState: self = .triState(try c.decode([String: TriState].self, forKey: .rows))
        case .investment: self = .investment(try c.decode([String: Investment].self, forKey: .rows))
        }
    }

    /// Choices are written sorted, so the same answer always gives the same JSON.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        switch self {
        case .choices(let keys): try c.encode(keys.sorted(), forKey: .choices)
        case .scale(let rows): try c.encode(rows, forKey: .rows)
        case .triState(let rows): try c.encode(rows, forKey: .rows)
        case .investment(let rows): try c.encode(rows, forKey: .rows)
        }
    }
}
