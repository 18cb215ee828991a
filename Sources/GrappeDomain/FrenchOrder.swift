import Foundation

/// French alphabetical order: accents and case folded first (`TextFolding`), the original text
/// as tie-break, so « Bélep » comes before « Bourail » and « Sébastien » before « Sylver ».
public enum FrenchOrder {
    /// True when `a` sorts before `b` in French order.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let fa = TextFolding.fold(a), fb = TextFolding.fold(b)
        return fa != fb ? fa < fb : a < b
    }

    /// The letters that French text carries beyond ASCII and their folded spelling, used where the
    /// database must sort without ICU (SQLite): both cases, so that `LOWER` finishes the folding.
    public static let foldedLetters: [(letter: String, folded: String)] = [
        ("à", "a"), ("â", "a"), ("ä", "a"), ("á", "a"), ("ã", "a"), ("À", "a"), ("Â", "a"), ("Ä", "a"), ("Á", "a"),
        ("ç", "c"), ("Ç", "c"),
        ("é", "e"), ("è", "e"), ("ê", "e"), ("ë", "e"), ("É", "e"), ("È", "e"), ("Ê", "e"), ("Ë", "e"),
        ("î", "i"), ("ï", "i"), ("í", "i"), ("Î", "i"), ("Ï", "i"),
        ("ô", "o"), ("ö", "o"), ("ó", "o"), ("Ô", "o"), ("Ö", "o"),
        ("ù", "u"), ("û", "u"), ("ü", "u"), ("ú", "u"), ("Ù", "u"), ("Û", "u"), ("Ü", "u"),
        ("ÿ", "y"), ("Ÿ", "y"), ("ñ", "n"), ("Ñ", "n"),
        ("œ", "oe"), ("Œ", "oe"), ("æ", "ae"), ("Æ", "ae"),
    ]
}

extension Sequence {
    /// The elements in French order of the text that `key` gives.
    public func sortedInFrench(by key: (Element) -> String) -> [Element] {
        map { (TextFolding.fold(key($0)), key($0), $0) }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            .map(\.2)
    }
}

extension Sequence where Element == String {
    /// The strings in French order.
    public func sortedInFrench() -> [String] { sortedInFrench { $0 } }
}
