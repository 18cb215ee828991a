/// Optional gender of a person; the annual report counts women holding a membership.
public enum Gender: String, CaseIterable, Codable, Sendable {
    case female
    case male
    case other

    public var label: String {
        switch self {
        case .female: "Femme"
        case .male: "Homme"
        case .other: "Autre"
        }
    }

    public init?(loose text: String) {
        switch TextFolding.fold(text) {
        case "f", "femme", "female", "w": self = .female
        case "h", "m", "homme", "male": self = .male
        case "autre", "other", "x": self = .other
        default: return nil
        }
    }
}
