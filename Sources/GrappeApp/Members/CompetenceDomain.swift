import Fluent
import Foundation

/// A domain of competence (OPEN counts 32); the list is edited by staff.
final class CompetenceDomain: Model, @unchecked Sendable {
    static let schema = "domains"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "name") var name: String

    init() {}

    init(organisationID: UUID, name: String) {
        self.$organisation.id = organisationID
        self.name = name
    }
}
