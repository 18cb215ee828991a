import Fluent
import Foundation

/// Which domains a company works in.
final class CompanyDomain: Model, @unchecked Sendable {
    static let schema = "company_domains"

    @ID(key: .id) var id: UUID?
    @Parent(key: "company_id") var company: Company
    @Parent(key: "domain_id") var domain: CompetenceDomain

    init() {}

    init(companyID: UUID, domainID: UUID) {
        self.$company.id = companyID
        self.$domain.id = domainID
    }
}
