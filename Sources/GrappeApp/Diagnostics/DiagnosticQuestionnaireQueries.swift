import Fluent
import Foundation
import GrappeDomain
import SQLKit

/// The questionnaire versions of an organisation, newest first, with how many diagnostics each
/// was taken with (one grouped count).
enum DiagnosticQuestionnaireQueries {
    struct Line: Sendable {
        let version: QuestionnaireVersion
        let questionnaire: DiagnosticQuestionnaire
        let diagnostics: Int
    }

    static func versions(_ db: any Database, organisationID: UUID) async throws -> [QuestionnaireVersion] {
        try await QuestionnaireVersion.query(on: db).filter(\.$organisation.$id == organisationID).sort(\.$version, .descending).all()
    }

    static func lines(_ db: any Database, organisationID: UUID) async throws -> [Line] {
        let versions = try await versions(db, organisationID: organisationID)
        let counts = try await usage(db, organisationID: organisationID)
        return try versions.map { Line(version: $0, questionnaire: try $0.questionnaire(), diagnostics: counts[try $0.requireID()] ?? 0) }
    }

    /// Diagnostics per questionnaire version.
    static func usage(_ db: any Database, organisationID: UUID) async throws -> [UUID: Int] {
        let rows = try await db.sql.raw("""
            SELECT questionnaire_id, CAST(COUNT(*) AS BIGINT) AS n FROM diagnostics WHERE organisation_id = \(bind: organisationID) GROUP BY questionnaire_id
            """).all()
        return Dictionary(try rows.map { (try $0.decode(column: "questionnaire_id", as: UUID.self), try $0.decode(column: "n", as: Int.self)) },
                          uniquingKeysWith: +)
    }

    static func version(_ db: any Database, organisationID: UUID, number: Int) async throws -> QuestionnaireVersion? {
        try await QuestionnaireVersion.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$version == number).first()
    }

    /// The version new diagnostics are planned with: the latest published.
    static func current(_ db: any Database, organisationID: UUID) async throws -> QuestionnaireVersion? {
        try await QuestionnaireVersion.query(on: db).filter(\.$organisation.$id == organisationID)
            .filter(\.$status == .published).sort(\.$version, .descending).first()
    }
}
