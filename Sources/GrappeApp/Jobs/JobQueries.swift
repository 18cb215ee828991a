import Fluent
import GrappeDomain
import Vapor

/// Live offers are published and not expired: an expired offer drops out of every public
/// query by itself, no job needed.
enum JobQueries {
    static func live(_ db: any Database, organisationID: UUID, now: Date) -> QueryBuilder<JobOffer> {
        JobOffer.query(on: db).filter(\.$organisation.$id == organisationID)
            .filter(\.$status == .published).filter(\.$expiresAt > now)
    }

    struct Filter: Sendable {
        var kind: JobKind?
        var contract: JobContract?
        var commune = ""
        var query = ""

        /// No criterion: every live offer.
        init() {}

        init(from req: Request) {
            kind = req.query[String.self, at: "type"].flatMap(JobKind.init(rawValue:))
            contract = req.query[String.self, at: "contrat"].flatMap(JobContract.init(rawValue:))
            commune = req.query[String.self, at: "commune"].flatMap(Communes.canonical) ?? ""
            query = String((req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        }

        var params: [String: String] {
            ["type": kind?.rawValue ?? "", "contrat": contract?.rawValue ?? "", "commune": commune, "q": query]
        }
    }

    /// Live offers matching the filter, newest first, with their company. The text search is
    /// accent-insensitive over title and description.
    static func search(_ db: any Database, organisationID: UUID, filter: Filter, now: Date) async throws -> [JobOffer] {
        var query = live(db, organisationID: organisationID, now: now)
        if let kind = filter.kind { query = query.filter(\.$kind == kind) }
        if let contract = filter.contract { query = query.filter(\.$contract == contract) }
        if !filter.commune.isEmpty { query = query.filter(\.$commune == filter.commune) }
        let offers = try await query.sort(\.$createdAt, .descending).with(\.$company).limit(500).all()
        let terms = DirectorySearch.terms(filter.query)
        guard !terms.isEmpty else { return offers }
        return offers.filter { offer in
            let text = TextFolding.fold(offer.title + " " + offer.about + " " + offer.company.name)
            return terms.allSatisfy(text.contains)
        }
    }
}
