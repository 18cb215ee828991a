/// The two membership categories of a cluster (the 2025 fee grid prices them separately).
public enum MembershipCategory: String, CaseIterable, Codable, Sendable {
    case core = "core"
    case partner = "partner"

    /// French label shown in the UI.
    public var label: String {
        switch self {
        case .core: "Cœur de filière"
        case .partner: "Partenaire"
        }
    }

    /// Parses a label or code as typed in a CSV file ("cœur de filière", "coeur", "partenaire", "core"…).
    public init?(loose text: String) {
        let folded = TextFolding.fold(text)
        switch folded {
        case "core", "coeur", "coeur de filiere", "coeur-de-filiere", "cdf": self = .core
        case "partner", "partenaire", "partenaires": self = .partner
        default: return nil
        }
    }
}
