/// One question of a diagnostic questionnaire, as stored (in JSON) with the questionnaire's
/// version. `key` is stable across versions: answers and action rules refer to it.
///
/// A question comes from the EU DMA (`dmaNumber` 1–11) or is a local one the cluster adds
/// (`dmaNumber` nil, see `isLocal`). Whether it counts in its dimension's score is its `role`:
/// the DMA's eleven are `scored`; the local ones of the default questionnaire are
/// `informative`. The reason: the DMA defines each dimension as the mean of its own questions
/// (×10) and the overall score as the unweighted mean of the six, so that a business's figures
/// compare with every EDIH's. Adding a local question to a dimension's mean would move that
/// dimension off the DMA's scale; an informative question is still scored 0–10, shown apart,
/// and feeds the action plan. A later version may make a local question `scored` on purpose
/// (the reference's « local weights » overlay); `DiagnosticQuestionnaire.isDMACompatible` then
/// says it is no longer comparable.
public struct DiagnosticQuestion: Codable, Sendable, Equatable, Identifiable {
    /// The DMA's question types.
    public enum Kind: String, CaseIterable, Codable, Sendable {
        /// Several boxes to tick, each worth its option's points; one option may be an exclusive
        /// negative answer (« les données ne sont pas collectées sous forme numérique »).
        case multipleChoice = "multiple_choice"
        /// A 0–5 level per row (0 not used … 5 operational).
        case scale
        /// No / partly / yes per row.
        case triState = "tri_state"
        /// Two boxes per business area: « déjà investi » and « investissement prévu ».
        case investment

        public var label: String {
            switch self {
            case .multipleChoice: "choix multiples"
            case .scale: "échelle de 0 à 5 par ligne"
            case .triState: "non / en partie / oui par ligne"
            case .investment: "« déjà investi / investissement prévu » par domaine"
            }
        }

        /// Whether the question is made of rows (and has no options).
        public var hasRows: Bool { self != .multipleChoice }
    }

    public enum Role: String, CaseIterable, Codable, Sendable {
        /// Counts in its dimension's score.
        case scored
        /// Scored 0–10 and shown, but left out of the dimension's score.
        case informative
    }

    /// A box of a multiple-choice question.
    public struct Option: Codable, Sendable, Equatable, Identifiable {
        public var key: String
        public var label: String
        /// What ticking it is worth, 0–10 (the DMA gives 1 to every option).
        public var points: Int
        /// An exclusive negative answer: ticked alone, worth nothing.
        public var exclusive: Bool
        public var id: String { key }

        public init(key: String, label: String, points: Int = 1, exclusive: Bool = false) {
            self.key = key
            self.label = label
            self.points = points
            self.exclusive = exclusive
        }

        public static let pointsRange = 0...10
    }

    /// A row of a scale, tri-state or investment question.
    public struct Row: Codable, Sendable, Equatable, Identifiable {
        public var key: String
        public var label: String
        public var id: String { key }

        public init(key: String, label: String) {
            self.key = key
            self.label = label
        }
    }

    public var key: String
    public var dimension: DiagnosticDimension
    /// The DMA's question number (1–11); nil for a local question.
    public var dmaNumber: Int?
    /// A short title for lists and reports (« Compétences numériques »).
    public var title: String
    /// The question as the advisor asks it.
    public var text: String
    /// Guidance for the advisor; empty when none.
    public var help: String
    public var kind: Kind
    public var role: Role
    /// For a multiple-choice question; empty otherwise.
    public var options: [Option]
    /// For a scale, tri-state or investment question; empty otherwise.
    public var rows: [Row]
    /// The activities the question is asked of; empty: every business.
    public var onlyFor: [BusinessActivity]

    public var id: String { key }
    public var isLocal: Bool { dmaNumber == nil }

    public init(key: String, dimension: DiagnosticDimension, dmaNumber: Int?, title: String, text: String, help: String = "",
                kind: Kind, role: Role = .scored, options: [Option] = [], rows: [Row] = [], onlyFor: [BusinessActivity] = []) {
        self.key = key
        self.dimension = dimension
        self.dmaNumber = dmaNumber
        self.title = title
        self.text = text
        self.help = help
        self.kind = kind
        self.role = role
        self.options = options
        self.rows = rows
        self.onlyFor = onlyFor
    }

    /// Whether a business of this activity is asked the question (every one when unknown).
    public func isAsked(of activity: BusinessActivity?) -> Bool {
        guard let activity, !onlyFor.isEmpty else { return true }
        return onlyFor.contains(activity)
    }

    /// « Q7 · Gestion des données » for a DMA question, « Visibilité en ligne » for a local one.
    public var label: String {
        dmaNumber.map { "Q\($0) · \(title)" } ?? title
    }

    /// The exclusive negative option, if the question has one.
    public var exclusiveOption: Option? { options.first(where: \.exclusive) }

    /// The DMA's 0–5 levels, as the advisor reads them out.
    public static let scaleLabels = ["Non utilisé", "Envisagé", "Prototype", "En test", "En déploiement", "Opérationnel"]
    public static let scaleRange = 0...5

    private enum CodingKeys: String, CodingKey {
        case key, dimension, dmaNumber, title, text, help, kind, role, options, rows, onlyFor
    }

    /// Fields added later are optional in stored JSON, so older versions keep decoding.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        dimension = try c.decode(DiagnosticDimension.self, forKey: .dimension)
        dmaNumber = try c.decodeIfPresent(Int.self, forKey: .dmaNumber)
        title = try c.decode(String.self, forKey: .title)
        text = try c.decode(String.self, forKey: .text)
        help = try c.decodeIfPresent(String.self, forKey: .help) ?? ""
        kind = try c.decode(Kind.self, forKey: .kind)
        role = try c.decodeIfPresent(Role.self, forKey: .role) ?? .scored
        options = try c.decodeIfPresent([Option].self, forKey: .options) ?? []
        rows = try c.decodeIfPresent([Row].self, forKey: .rows) ?? []
        onlyFor = try c.decodeIfPresent([BusinessActivity].self, forKey: .onlyFor) ?? []
    }
}
