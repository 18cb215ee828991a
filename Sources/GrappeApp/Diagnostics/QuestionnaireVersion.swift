import Fluent
import Foundation
import GrappeDomain

/// A version of the diagnostic questionnaire, stored as the domain's `DiagnosticQuestionnaire`
/// in JSON. A published version is never changed: staff make the next one.
final class QuestionnaireVersion: Model, @unchecked Sendable {
    static let schema = "diagnostic_questionnaires"

    enum Status: String, Codable, CaseIterable, Sendable {
        case draft, published
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "version") var version: Int
    @Enum(key: "status") var status: Status
    @Field(key: "definition") var definition: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(organisationID: UUID, questionnaire: DiagnosticQuestionnaire, status: Status) throws {
        self.$organisation.id = organisationID
        self.version = questionnaire.version
        self.status = status
        self.definition = String(decoding: try JSONEncoder().encode(questionnaire), as: UTF8.self)
    }

    func questionnaire() throws -> DiagnosticQuestionnaire {
        try JSONDecoder().decode(DiagnosticQuestionnaire.self, from: Data(definition.utf8))
    }
}
