/// The DMA's four maturity levels for a 0–100 score: basic 0–25, average 26–50, moderately
/// advanced 51–75, advanced 76–100. The bands are whole numbers, so a score is placed by its
/// shown value (rounded, halves up): 25.4 is shown 25 and is basic, 25.5 is shown 26 and is
/// average — the badge always agrees with the figure beside it.
public enum MaturityLevel: String, CaseIterable, Codable, Sendable, Comparable {
    case basic
    case average
    case moderatelyAdvanced = "moderately_advanced"
    case advanced

    /// The highest shown score of each band but the last.
    public static let basicUpTo = 25
    public static let averageUpTo = 50
    public static let moderatelyAdvancedUpTo = 75

    public init(score: Double) {
        let shown = DiagnosticScoring.shown(score)
        switch shown {
        case ...Self.basicUpTo: self = .basic
        case ...Self.averageUpTo: self = .average
        case ...Self.moderatelyAdvancedUpTo: self = .moderatelyAdvanced
        default: self = .advanced
        }
    }

    public var label: String {
        switch self {
        case .basic: "Basique"
        case .average: "Moyen"
        case .moderatelyAdvanced: "Modérément avancé"
        case .advanced: "Avancé"
        }
    }

    /// « 0 à 25 », « 26 à 50 »…
    public var range: ClosedRange<Int> {
        switch self {
        case .basic: 0...Self.basicUpTo
        case .average: (Self.basicUpTo + 1)...Self.averageUpTo
        case .moderatelyAdvanced: (Self.averageUpTo + 1)...Self.moderatelyAdvancedUpTo
        case .advanced: (Self.moderatelyAdvancedUpTo + 1)...100
        }
    }

    /// A sentence for the report.
    public var summary: String {
        switch self {
        case .basic: "Le numérique reste ponctuel : les premiers outils et une stratégie simple apporteront beaucoup."
        case .average: "Les bases sont posées ; il reste à relier les outils entre eux et à former l'équipe."
        case .moderatelyAdvanced: "Le numérique est bien installé ; les données, l'automatisation et la sécurité sont les prochains paliers."
        case .advanced: "Le numérique est au cœur de l'activité ; l'enjeu est d'innover et de rester sobre et sûr."
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: MaturityLevel, b: MaturityLevel) -> Bool { a.rank < b.rank }
}
