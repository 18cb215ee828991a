import Fluent
import Foundation
import GrappeDomain
import SQLKit

/// The staff's reads: requests (waiting first, then planned, then the rest), their diagnostics,
/// and who may lead a diagnostic.
enum DiagnosticQueries {
    struct Advisor: Sendable, Equatable {
        /// « user:UUID » or « person:UUID », as the planning form sends it.
        let key: String
        let name: String
        let email: String
        let detail: String
    }

    static func requests(_ db: any Database, organisationID: UUID, page: Int?) async throws -> (requests: [DiagnosticRequest], diagnostics: [UUID: Diagnostic], pages: Pagination) {
        let query = DiagnosticRequest.query(on: db).filter(\.$organisation.$id == organisationID)
        let pages = Pagination(page: page, total: try await query.count())
        let rows = try await query.copy()
            .sort(.custom(SQLRaw("CASE status WHEN 'waiting' THEN 0 WHEN 'planned' THEN 1 ELSE 2 END")))
            .sort(\.$createdAt).range(pages.offset..<(pages.offset + pages.perPage)).all()
        let ids = rows.compactMap(\.id)
        let diagnostics = ids.isEmpty ? [] : try await Diagnostic.query(on: db).filter(\.$request.$id ~~ ids).all()
        return (rows, Dictionary(diagnostics.map { ($0.$request.id, $0) }, uniquingKeysWith: { a, _ in a }), pages)
    }

    static func request(_ db: any Database, organisationID: UUID, id: UUID) async throws -> DiagnosticRequest? {
        try await DiagnosticRequest.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$id == id).first()
    }

    static func diagnostic(_ db: any Database, requestID: UUID) async throws -> Diagnostic? {
        try await Diagnostic.query(on: db).filter(\.$request.$id == requestID).with(\.$advisorUser).with(\.$advisorPerson).first()
    }

    /// The active staff accounts, then the people of the companies of the diagnostics programme's
    /// consortium (the programme whose name speaks of diagnostics), each with an email.
    static func advisors(_ db: any Database, organisationID: UUID) async throws -> [Advisor] {
        let staff = try await User.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$role == .staff)
            .filter(\.$active == true).sort(\.$displayName).all()
        var advisors = staff.map { Advisor(key: "user:\($0.id!.uuidString)", name: $0.displayName.isEmpty ? $0.email : $0.displayName, email: $0.email, detail: "équipe") }
        let programmes = try await Programme.query(on: db).filter(\.$organisation.$id == organisationID).all()
            .filter { TextFolding.fold($0.name).contains("diagnostic") }
        let programmeIDs = programmes.compactMap(\.id)
        guard !programmeIDs.isEmpty else { return advisors }
        let companyIDs = try await ConsortiumMember.query(on: db).filter(\.$programme.$id ~~ programmeIDs).all().map(\.$company.id)
        guard !companyIDs.isEmpty else { return advisors }
        let links = try await CompanyContact.query(on: db).filter(\.$company.$id ~~ companyIDs).with(\.$company).with(\.$person).all()
        var seen: Set<UUID> = []
        for link in links.sorted(by: { ($0.company.name, $0.person.lastName) < ($1.company.name, $1.person.lastName) })
        where FieldCheck.isEmail(link.person.email) && seen.insert(link.person.id!).inserted {
            advisors.append(Advisor(key: "person:\(link.person.id!.uuidString)", name: link.person.fullName, email: link.person.email, detail: link.company.name))
        }
        return advisors
    }
}
