import Fluent
import Foundation
import GrappeDomain

/// A bank's CSV column mapping, saved by name for the next statement.
final class StatementMapping: Model, @unchecked Sendable {
    static let schema = "statement_mappings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "name") var name: String
    /// `StatementCSVMapping` in JSON.
    @Field(key: "mapping") var mappingJSON: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(organisationID: UUID, name: String, mapping: StatementCSVMapping) throws {
        self.$organisation.id = organisationID
        self.name = name
        self.mappingJSON = String(decoding: try JSONEncoder().encode(mapping), as: UTF8.self)
    }

    var mapping: StatementCSVMapping? {
        try? JSONDecoder().decode(StatementCSVMapping.self, from: Data(mappingJSON.utf8))
    }
}
