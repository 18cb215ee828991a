/// What an account may do.
enum Role: String, Codable, CaseIterable, Sendable {
    /// The cluster's employees: everything.
    case staff
    /// Board members: read everything, approve.
    case board
    /// A contact of a member company: their own company only.
    case member
    /// A person of a charity of the Grande Collecte: the equipment allocated to it.
    case charity
    /// A player of Hackagou: the CTF's pages only, never the member side.
    case player

    var label: String {
        switch self {
        case .staff: "Équipe permanente"
        case .board: "Administrateur"
        case .member: "Contact adhérent"
        case .charity: "Association bénéficiaire"
        case .player: "Joueur Hackagou"
        }
    }

    var readsEverything: Bool { self == .staff || self == .board }
}
