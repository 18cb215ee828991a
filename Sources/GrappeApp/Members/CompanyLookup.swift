import Fluent
import Vapor

/// The company named by a route's `:companyID`, within this cluster, or 404.
enum CompanyLookup {
    static func find(_ req: Request) async throws -> Company {
        let id = try req.uuidParameter("companyID")
        guard let company = try await Company.find(id, on: req.db),
              company.$organisation.id == (try await req.organisationID()) else { throw Abort(.notFound) }
        return company
    }
}
