/// New Caledonia's three provinces and their communes. `Communes.all` holds the 33 communes;
/// this says which province each belongs to (the Province Sud's grant needs it).
public enum Province: String, CaseIterable, Codable, Sendable {
    case sud
    case nord
    case iles

    public var name: String {
        switch self {
        case .sud: "Province Sud"
        case .nord: "Province Nord"
        case .iles: "Province des Îles Loyauté"
        }
    }

    /// The communes of the province, spelled as in `Communes.all`.
    public var communes: [String] {
        switch self {
        case .sud:
            ["Bouloupari", "Bourail", "Dumbéa", "Farino", "L'Île-des-Pins", "La Foa", "Moindou",
             "Le Mont-Dore", "Nouméa", "Païta", "Sarraméa", "Thio", "Yaté"]
        case .nord:
            ["Bélep", "Canala", "Hienghène", "Houaïlou", "Kaala-Gomen", "Koné", "Koumac", "Kouaoua",
             "Ouégoa", "Poindimié", "Ponérihouen", "Pouébo", "Pouembout", "Poum", "Poya", "Touho", "Voh"]
        case .iles:
            ["Lifou", "Maré", "Ouvéa"]
        }
    }

    /// The province of a commune typed in any case or without accents; nil if it is none of the 33.
    public static func of(commune text: String) -> Province? {
        guard let canonical = Communes.canonical(text) else { return nil }
        return allCases.first { $0.communes.contains(canonical) }
    }
}
