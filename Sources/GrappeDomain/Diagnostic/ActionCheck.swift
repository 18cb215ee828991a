import Foundation

/// The checks on a catalogue entry and on the catalogue as a whole, in French.
extension DiagnosticAction {
    public static let titleLength = 120
    public static let detailsLength = 2000
    public static let maximumCost = 100_000_000

    /// Reads an indicative cost typed in a form: whole XPF, « 150 000 », « 150000 » or
    /// « 150 000 XPF ». Nil for anything else, including decimals (« 1500,50 », « 99.5 »).
    public static func readCost(_ text: String) -> Int? {
        // `Money.parse` refuses decimals and reads a dot only as a thousands separator.
        guard let amount = Money.parse(FieldCheck.trimmed(text)), (0...maximumCost).contains(amount) else { return nil }
        return amount
    }

    /// Why `text` is not a cost, in French; nil when `readCost` reads it.
    public static func costProblem(_ text: String) -> String? {
        let typed = FieldCheck.trimmed(text)
        if typed.isEmpty { return "Le coût indicatif est obligatoire (0 si l'action est gratuite)." }
        if readCost(typed) != nil { return nil }
        if let amount = Money.parse(typed.replacingOccurrences(of: ",", with: "")), amount > maximumCost {
            return "Le coût indicatif ne peut dépasser \(Money.xpf(maximumCost))."
        }
        if typed.hasPrefix("-") { return "Le coût indicatif ne peut pas être négatif." }
        return "Le coût indicatif doit être un montant entier en francs XPF, sans centimes (par exemple 150 000)."
    }

    /// Field → message; empty when the entry can be saved. `catalogue` is the other entries'
    /// keys (prerequisites must be among them); `knownDomains`, when given, the directory's list.
    public func problems(catalogue otherKeys: Set<String>, knownDomains: [String]? = nil) -> [String: String] {
        var p: [String: String] = [:]
        if !DiagnosticQuestion.isValidKey(key) {
            p["key"] = "Clé invalide : lettres minuscules sans accent, chiffres, « _ », « - » ou « . », 60 caractères au plus."
        } else if otherKeys.contains(key) {
            p["key"] = "Une autre action porte déjà la clé « \(key) »."
        }
        let name = FieldCheck.trimmed(title)
        if name.isEmpty { p["title"] = "Le titre est obligatoire." }
        else if name.count > Self.titleLength { p["title"] = "\(Self.titleLength) caractères au maximum (\(name.count) saisis)." }
        else if FieldCheck.hasControlCharacters(name) { p["title"] = "Le titre contient des caractères interdits." }
        if details.count > Self.detailsLength { p["details"] = "\(Self.detailsLength) caractères au maximum (\(details.count) saisis)." }
        if !(0...Self.maximumCost).contains(cost) {
            p["cost"] = cost < 0 ? "Le coût indicatif ne peut pas être négatif." : "Le coût indicatif ne peut dépasser \(Money.xpf(Self.maximumCost))."
        }
        if prerequisites.contains(key) {
            p["prerequisites"] = "Une action ne peut pas être son propre prérequis."
        } else if let unknown = prerequisites.first(where: { !otherKeys.contains($0) }) {
            p["prerequisites"] = "Prérequis inconnu : « \(unknown.prefix(60)) »."
        }
        if let known = knownDomains {
            let folded = Set(known.map(TextFolding.fold))
            if let unknown = competences.first(where: { !folded.contains(TextFolding.fold($0)) }) {
                p["competences"] = "Domaine de compétence inconnu : « \(unknown.prefix(60)) »."
            }
        }
        return p
    }
}

/// The catalogue as a whole: unique keys, known prerequisites, and no circle of prerequisites.
public enum DiagnosticActionCatalogue {
    public static func problems(_ actions: [DiagnosticAction]) -> [String] {
        var problems: [String] = []
        var keys: Set<String> = []
        for action in actions where !keys.insert(action.key).inserted {
            problems.append("La clé « \(action.key) » est utilisée par plusieurs actions.")
        }
        for action in actions {
            for missing in action.prerequisites where !keys.contains(missing) {
                problems.append("« \(action.title) » : prérequis inconnu « \(missing) ».")
            }
        }
        if let circle = firstCircle(actions) {
            let byKey = Dictionary(actions.map { ($0.key, $0.title) }, uniquingKeysWith: { a, _ in a })
            problems.append("Les prérequis tournent en rond : " + circle.map { "« \(byKey[$0] ?? $0) »" }.joined(separator: " → ") + ".")
        }
        return problems
    }

    /// A circle of prerequisites (its keys, the first repeated at the end), if there is one.
    static func firstCircle(_ actions: [DiagnosticAction]) -> [String]? {
        let needs = Dictionary(actions.map { ($0.key, $0.prerequisites) }, uniquingKeysWith: { a, _ in a })
        var done: Set<String> = []
        func visit(_ key: String, path: [String]) -> [String]? {
            if let start = path.firstIndex(of: key) { return Array(path[start...]) + [key] }
            if done.contains(key) { return nil }
            for next in needs[key] ?? [] {
                if let circle = visit(next, path: path + [key]) { return circle }
            }
            done.insert(key)
            return nil
        }
        for action in actions {
            if let circle = visit(action.key, path: []) { return circle }
        }
        return nil
    }
}
