import GrappeDomain
import Vapor

/// What a visitor asked the directory for: words, domain, commune, size band, members or not.
struct DirectoryFilter: Sendable {
    var query = ""
    var domainID: UUID?
    var commune = ""
    var band: SizeBand?
    /// true: members only; false: non-members only; nil: both.
    var members: Bool?

    init() {}

    init(from req: Request) {
        query = String((req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        domainID = req.query[String.self, at: "domaine"].flatMap(UUID.init(uuidString:))
        commune = req.query[String.self, at: "commune"].flatMap(Communes.canonical) ?? ""
        band = req.query[String.self, at: "taille"].flatMap(SizeBand.init(rawValue:))
        switch req.query[String.self, at: "adherent"] {
        case "oui": members = true
        case "non": members = false
        default: members = nil
        }
    }

    /// The query parameters that reproduce this filter (for pagination links).
    var params: [String: String] {
        ["q": query, "domaine": domainID?.uuidString ?? "", "commune": commune, "taille": band?.rawValue ?? "",
         "adherent": members.map { $0 ? "oui" : "non" } ?? ""]
    }
}
