/// Where a company's membership stands for a given year.
public enum MembershipStatus: String, CaseIterable, Codable, Sendable {
    case candidate
    case active
    case lapsed
    case resigned

    public var label: String {
        switch self {
        case .candidate: "Candidat"
        case .active: "Actif"
        case .lapsed: "Non renouvelé"
        case .resigned: "Démission"
        }
    }
}
