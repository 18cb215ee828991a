/// The six dimensions of the EU Digital Maturity Assessment for SMEs (the JRC's DMAT), in the
/// questionnaire's order. The raw values are stored with every question and result: never
/// rename them.
public enum DiagnosticDimension: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable, Comparable {
    case strategy
    case readiness
    case humanCentric = "human_centric"
    case data
    case automation
    case green

    /// 1 to 6, as the DMA numbers them.
    public var number: Int { (Self.allCases.firstIndex(of: self) ?? 0) + 1 }

    public var title: String {
        switch self {
        case .strategy: "Stratégie numérique"
        case .readiness: "Préparation numérique"
        case .humanCentric: "Numérique centré sur l'humain"
        case .data: "Gestion et connexion des données"
        case .automation: "Automatisation et intelligence artificielle"
        case .green: "Numérique vert"
        }
    }

    /// A label short enough for a radar chart's axis.
    public var shortTitle: String {
        switch self {
        case .strategy: "Stratégie"
        case .readiness: "Préparation"
        case .humanCentric: "Humain"
        case .data: "Données"
        case .automation: "Automatisation et IA"
        case .green: "Numérique vert"
        }
    }

    /// The dimension the DMA puts its question `number` (1–11) in; nil outside 1–11.
    public static func forDMAQuestion(_ number: Int) -> DiagnosticDimension? {
        switch number {
        case 1, 2: .strategy
        case 3, 4: .readiness
        case 5, 6: .humanCentric
        case 7, 8: .data
        case 9: .automation
        case 10, 11: .green
        default: nil
        }
    }

    public static func < (a: DiagnosticDimension, b: DiagnosticDimension) -> Bool { a.number < b.number }
}
