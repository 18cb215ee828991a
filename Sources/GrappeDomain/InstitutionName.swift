import Foundation

/// « le Gouvernement », « la province Sud »: institutions named with their article.
public enum InstitutionName {
    public static func withArticle(_ name: String) -> String {
        let lower = name.lowercased()
        if lower.hasPrefix("le ") || lower.hasPrefix("la ") || lower.hasPrefix("l'") || lower.hasPrefix("les ") { return name }
        if lower.hasPrefix("province") || lower.hasPrefix("chambre") || lower.hasPrefix("cci") || lower.hasPrefix("cma") { return "la \(name)" }
        if let first = lower.first, "aeiouyéèh".contains(first) { return "l'\(name)" }
        return "le \(name)"
    }
}
