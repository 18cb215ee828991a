/// What an account may do.
enum Role: String, Codable, CaseIterable, Sendable {
    /// The cluster's employees: everything.
    case staff
    /// Board members: read everything, approve.
    case board
    /// A contact of a member company: their own company only.
    case member

    var label: String {
        switch self {
        case .staff: "Équipe permanente"
        case .board: "Administrateur"
        case .member: "Contact adhérent"
        }
    }

    var readsEverything: Bool { self == .staff || self == .board }
}
