import Foundation

/// The cluster's bank account as printed on calls for dues: IBAN (ISO 13616, checked with its
/// ISO 7064 mod-97 digits) and the French RIB (bank, branch, account, key; New Caledonia's banks
/// use the same).
public enum BankAccount {
    /// The IBAN without spaces, upper case.
    public static func compactIBAN(_ text: String) -> String {
        String(text.uppercased().filter { !$0.isWhitespace && $0 != "-" })
    }

    /// The IBAN in groups of four, as printed.
    public static func printedIBAN(_ text: String) -> String {
        let compact = Array(compactIBAN(text))
        return stride(from: 0, to: compact.count, by: 4).map { String(compact[$0..<min($0 + 4, compact.count)]) }.joined(separator: " ")
    }

    /// Countries whose IBAN has the French layout (27 characters, the RIB inside).
    static let frenchLayout: Set<String> = ["FR", "NC", "PF", "WF", "RE", "GP", "MQ", "GF", "YT", "PM", "BL", "MF", "TF", "MC"]

    /// Why an IBAN is refused, in French; nil when it is valid.
    public static func ibanProblem(_ text: String) -> String? {
        let iban = compactIBAN(text)
        guard iban.count >= 15, iban.count <= 34, iban.allSatisfy({ ($0.isASCII && $0.isLetter) || $0.isNumber && $0.isASCII }) else {
            return "IBAN invalide : de 15 à 34 lettres et chiffres, commençant par le code du pays (ex. NC76 …)."
        }
        let country = String(iban.prefix(2))
        guard country.allSatisfy(\.isLetter), iban.dropFirst(2).prefix(2).allSatisfy(\.isNumber) else {
            return "IBAN invalide : il commence par le code du pays et deux chiffres de contrôle (ex. NC76 …)."
        }
        if frenchLayout.contains(country), iban.count != 27 {
            return "IBAN invalide : un IBAN \(country) compte 27 caractères (\(iban.count) saisis)."
        }
        guard mod97(String(iban.dropFirst(4) + iban.prefix(4))) == 1 else {
            return "IBAN invalide : les chiffres de contrôle ne correspondent pas (erreur de saisie ?)."
        }
        if frenchLayout.contains(country), let problem = ribProblem(String(iban.dropFirst(4))) {
            return "IBAN invalide : " + problem.prefix(1).lowercased() + problem.dropFirst()
        }
        return nil
    }

    /// Why a RIB (23 characters: bank 5, branch 5, account 11, key 2; spaces allowed) is refused.
    public static func ribProblem(_ text: String) -> String? {
        let rib = Array(compactIBAN(text))
        guard rib.count == 23, rib.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter) }) else {
            return "RIB invalide : 23 caractères (banque 5, guichet 5, compte 11, clé 2)."
        }
        guard rib[0..<10].allSatisfy(\.isNumber), rib[21..<23].allSatisfy(\.isNumber) else {
            return "RIB invalide : codes banque, guichet et clé en chiffres."
        }
        let digits = String(rib.map(ribDigit))
        guard mod97(digits) == 0 else { return "RIB invalide : la clé RIB ne correspond pas (erreur de saisie ?)." }
        return nil
    }

    /// The RIB's own conversion of the account's letters (A and J → 1, B, K and S → 2…).
    static func ribDigit(_ char: Character) -> Character {
        guard char.isLetter, let ascii = char.asciiValue else { return char }
        let index = Int(ascii) - 65
        let value: Int = index < 9 ? index + 1 : index < 18 ? index - 8 : index - 16
        return Character(String(value))
    }

    /// ISO 7064 mod 97-10 over letters (A = 10 … Z = 35) and digits.
    static func mod97(_ text: String) -> Int {
        var rest = 0
        for char in text {
            let value: Int
            if let d = char.wholeNumberValue { value = d } else if let ascii = char.asciiValue { value = Int(ascii) - 55 } else { return -1 }
            rest = (value >= 10 ? rest * 100 + value : rest * 10 + value) % 97
        }
        return rest
    }
}
