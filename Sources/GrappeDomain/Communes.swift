/// The 33 communes of New Caledonia, by province.
public enum Communes {
    public static let all: [String] = [
        // Province Sud
        "Bouloupari", "Bourail", "Dumbéa", "Farino", "L'Île-des-Pins", "La Foa", "Moindou",
        "Le Mont-Dore", "Nouméa", "Païta", "Sarraméa", "Thio", "Yaté",
        // Province Nord
        "Bélep", "Canala", "Hienghène", "Houaïlou", "Kaala-Gomen", "Koné", "Koumac", "Kouaoua",
        "Ouégoa", "Poindimié", "Ponérihouen", "Pouébo", "Pouembout", "Poum", "Poya",
        "Touho", "Voh",
        // Province des Îles Loyauté
        "Lifou", "Maré", "Ouvéa",
    ]

    /// The 33 communes in French alphabetical order, for lists (« Bélep » before « Bourail »).
    public static let inFrenchOrder: [String] = all.sortedInFrench()

    /// Finds the canonical spelling of a commune typed without accents or in another case.
    public static func canonical(_ text: String) -> String? {
        let folded = TextFolding.fold(text)
        guard !folded.isEmpty else { return nil }
        return all.first { TextFolding.fold($0) == folded }
    }
}
