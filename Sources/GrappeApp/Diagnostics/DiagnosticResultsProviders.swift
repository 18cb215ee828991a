import Fluent
import Foundation
import GrappeDomain
import SQLKit

/// The member companies who can carry out a plan's actions: those with a public profile in the
/// directory whose domains of competence cover every competence an action needs
/// (`DiagnosticAction.isCovered`). One query for the whole plan, whatever its length.
enum DiagnosticResultsProviders {
    struct Provider: Sendable, Equatable {
        let name: String
        let slug: String
    }

    /// Action key → the companies covering it, by name.
    static func forPlan(_ actions: [DiagnosticAction], _ db: any Database, organisationID: UUID, now: Date) async throws -> [String: [Provider]] {
        guard actions.contains(where: { !$0.competences.isEmpty }) else { return [:] }
        var query: SQLQueryString = """
            SELECT c.id, c.name, c.slug, d.name AS domain FROM companies c
            JOIN company_domains cd ON cd.company_id = c.id JOIN domains d ON d.id = cd.domain_id
            WHERE c.organisation_id = \(bind: organisationID) AND c.public_profile = \(bind: true) AND c.id IN (
            """
        query += DirectoryQueries.memberSubquery(organisationID: organisationID, year: FrenchDate.year(of: now))
        query += ") ORDER BY LOWER(c.name), c.id"
        let rows = try await db.sql.raw(query).all()
        var order: [UUID] = []
        var companies: [UUID: (provider: Provider, domains: [String])] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            if companies[id] == nil {
                order.append(id)
                companies[id] = (Provider(name: try row.decode(column: "name", as: String.self), slug: try row.decode(column: "slug", as: String.self)), [])
            }
            companies[id]?.domains.append(try row.decode(column: "domain", as: String.self))
        }
        let directory = order.compactMap { companies[$0] }
        var out: [String: [Provider]] = [:]
        for action in actions {
            let covering = action.providers(among: directory, domains: \.domains).map(\.provider)
            if !covering.isEmpty { out[action.key] = covering }
        }
        return out
    }
}
