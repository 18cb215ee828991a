import Foundation

/// Accent- and case-insensitive search of the directory, with a relevance score: a company
/// whose name matches comes before one that only mentions the words in its description.
public enum DirectorySearch {
    /// What is stored beside a company and searched: its folded name, legal name, description
    /// and domains of competence.
    public static func searchText(name: String, legalName: String, description: String, domains: [String] = []) -> String {
        ([name, legalName, description] + domains).map(TextFolding.fold).joined(separator: "\n")
    }

    /// The folded words of a query, at most eight, each at least one character.
    public static func terms(_ query: String) -> [String] {
        let words = TextFolding.fold(query).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        return Array(words.prefix(8))
    }

    /// The communes a query's term names, whatever its accents and hyphens (« dore », « Mont
    /// Dore », « koné » → Mont-Dore, Koné): the directory finds a company by its commune too.
    public static func communes(matching term: String) -> [String] {
        guard !term.isEmpty else { return [] }
        return Communes.all.filter { TextFolding.fold($0).contains(term) }
    }

    /// What a company is searched by besides its stored `searchText`: its commune, folded.
    public static func text(_ searchText: String, commune: String) -> String {
        searchText + "\n" + TextFolding.fold(commune)
    }

    /// 0 when some term is missing from the text; otherwise higher for better matches.
    public static func score(terms: [String], name: String, searchText: String) -> Int {
        guard !terms.isEmpty else { return 1 }
        let foldedName = TextFolding.fold(name)
        let nameWords = foldedName.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        var total = 0
        for term in terms {
            guard searchText.contains(term) else { return 0 }
            if foldedName == term { total += 100 }
            else if foldedName.hasPrefix(term) { total += 20 }
            else if nameWords.contains(where: { $0.hasPrefix(term) }) { total += 10 }
            else if foldedName.contains(term) { total += 5 }
            else { total += 1 }
        }
        if foldedName == terms.joined(separator: " ") { total += 100 }
        return total
    }
}
