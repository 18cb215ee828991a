import Fluent
import Foundation
import GrappeDomain
import Vapor

/// The writes on questionnaire versions: a draft made from a version, a draft's changes, its
/// publication. A published version is never written again; every write is audited.
enum DiagnosticQuestionnaireService {
    enum Refusal: Error { case message(String) }

    /// A new draft with the next number and the same questions; refused while another draft exists.
    static func copy(_ source: QuestionnaireVersion, user: User, on db: any Database) async throws -> Result<QuestionnaireVersion, Refusal> {
        let orgID = source.$organisation.id
        return try await db.transaction { db in
            let versions = try await DiagnosticQuestionnaireQueries.versions(db, organisationID: orgID)
            if let draft = versions.first(where: { $0.status == .draft }) {
                return .failure(.message("La version \(draft.version) est déjà en brouillon : modifiez-la ou publiez-la avant d'en créer une autre."))
            }
            let number = DiagnosticQuestionnaire.nextVersion(after: versions.map(\.version))
            let draft = try QuestionnaireVersion(organisationID: orgID, questionnaire: try source.questionnaire().copy(toVersion: number), status: .draft)
            try await draft.create(on: db)
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "diagnostic_questionnaire", entityID: try draft.requireID(),
                                   action: "create", reason: "copie de la version \(source.version)")
            return .success(draft)
        }
    }

    /// Saves a draft's new definition (the caller checked it with the domain). The update only
    /// touches a row still in draft, so a version published meanwhile is never changed.
    static func save(_ draft: QuestionnaireVersion, _ questionnaire: DiagnosticQuestionnaire, user: User, change: String, on db: any Database) async throws {
        let definition = try QuestionnaireVersion(organisationID: draft.$organisation.id, questionnaire: questionnaire, status: .draft).definition
        let id = try draft.requireID()
        try await db.transaction { db in
            try await QuestionnaireVersion.query(on: db).filter(\.$id == id).filter(\.$status == .draft).set(\.$definition, to: definition).update()
            try await Audit.record(on: db, organisationID: draft.$organisation.id, user: user, entity: "diagnostic_questionnaire",
                                   entityID: id, action: "update", reason: change)
        }
    }

    /// Makes the draft the version new diagnostics are planned with.
    static func publish(_ draft: QuestionnaireVersion, user: User, on db: any Database) async throws {
        let id = try draft.requireID()
        try await db.transaction { db in
            try await QuestionnaireVersion.query(on: db).filter(\.$id == id).filter(\.$status == .draft).set(\.$status, to: .published).update()
            try await Audit.record(on: db, organisationID: draft.$organisation.id, user: user, entity: "diagnostic_questionnaire",
                                   entityID: id, action: "update", changes: ["status": ("draft", "published")])
        }
    }
}
