/// What a business that asks for a diagnostic does, as the Province Sud's grant sorts it:
/// a craft business (registered with the CMA), a retail one (CCI), or anything else.
public enum BusinessActivity: String, CaseIterable, Codable, Sendable {
    case craft
    case retail
    case other

    /// As the request form offers it: « artisanale », « commerciale », « autre ».
    public var label: String {
        switch self {
        case .craft: "artisanale"
        case .retail: "commerciale"
        case .other: "autre"
        }
    }

    /// Reads the form's value: the raw value or the French label, any case or accent.
    public init?(typed text: String) {
        let folded = TextFolding.fold(text)
        guard let match = Self.allCases.first(where: { $0.rawValue == folded || TextFolding.fold($0.label) == folded })
        else { return nil }
        self = match
    }
}
