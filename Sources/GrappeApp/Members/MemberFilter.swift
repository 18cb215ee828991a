import GrappeDomain
import Vapor

/// The member list's search, filters and sort, read from the query string and written back
/// into links (pagination, CSV export).
struct MemberFilter: Sendable, Equatable {
    enum DuesState: String, CaseIterable, Sendable {
        case paid, unpaid, missing = "none"
        var label: String {
            switch self {
            case .paid: "Cotisation réglée"
            case .unpaid: "Cotisation due"
            case .missing: "Pas de cotisation"
            }
        }
    }

    enum Sort: String, CaseIterable, Sendable {
        case name, headcount, commune, balance
        var label: String {
            switch self {
            case .name: "Nom"
            case .headcount: "Effectif"
            case .commune: "Commune"
            case .balance: "Reste dû"
            }
        }
    }

    var year: Int
    var query = ""
    var category: MembershipCategory?
    var status: MembershipStatus?
    /// Only companies with no membership this year.
    var withoutMembership = false
    var domainID: UUID?
    var commune = ""
    var dues: DuesState?
    var sort: Sort = .name
    var descending = false

    init(year: Int) { self.year = year }

    init(from req: Request, defaultYear: Int) {
        func param(_ key: String) -> String { (req.query[String.self, at: key] ?? "").trimmingCharacters(in: .whitespaces) }
        year = Int(param("annee")).flatMap { (2000...2100).contains($0) ? $0 : nil } ?? defaultYear
        query = String(param("q").prefix(100))
        category = MembershipCategory(rawValue: param("categorie"))
        let statusParam = param("statut")
        status = MembershipStatus(rawValue: statusParam)
        withoutMembership = statusParam == "aucune"
        domainID = UUID(uuidString: param("domaine"))
        commune = Communes.canonical(param("commune")) ?? ""
        dues = DuesState(rawValue: param("cotisation"))
        sort = Sort(rawValue: param("tri")) ?? .name
        descending = param("ordre") == "desc"
    }

    /// The filter as query parameters (empty values dropped by `UI.query`).
    var params: [String: String] {
        ["annee": String(year), "q": query, "categorie": category?.rawValue ?? "",
         "statut": withoutMembership ? "aucune" : (status?.rawValue ?? ""), "domaine": domainID?.uuidString ?? "",
         "commune": commune, "cotisation": dues?.rawValue ?? "", "tri": sort == .name ? "" : sort.rawValue,
         "ordre": descending ? "desc" : ""]
    }
}
