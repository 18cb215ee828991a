import Fluent
import Foundation
import GrappeDomain

/// What an organisation starts the diagnostic with: questionnaire v1, published, and the
/// starter action catalogue. Run once per organisation (by M022 for those that existed, by
/// `Bootstrap` for a new one); does nothing when the organisation already has a questionnaire.
enum DiagnosticDefaults {
    static func seed(organisationID: UUID, on db: any Database) async throws {
        guard try await QuestionnaireVersion.query(on: db).filter(\.$organisation.$id == organisationID).count() == 0 else { return }
        try await QuestionnaireVersion(organisationID: organisationID, questionnaire: .v1, status: .published).create(on: db)
        try await DiagnosticActionCatalogue.starter.enumerated()
            .map { DiagnosticActionRecord(organisationID: organisationID, action: $1, position: $0) }.create(on: db)
    }
}
