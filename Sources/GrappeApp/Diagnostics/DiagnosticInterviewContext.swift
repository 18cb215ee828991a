import Fluent
import Foundation
import GrappeDomain

/// What every interview page reads: the diagnostic, its request (the business) and the
/// questionnaire version it is taken with, and whether the asking account may conduct it.
struct DiagnosticInterviewContext: Sendable {
    let diagnostic: Diagnostic
    let request: DiagnosticRequest
    let questionnaire: DiagnosticQuestionnaire
    /// Whether the asking account is staff (they get links back to the staff's pages).
    let byStaff: Bool

    var id: UUID { diagnostic.id! }
    var activity: BusinessActivity { request.activity }
    /// The questions of `dimension` asked of this business, in the questionnaire's order.
    func questions(in dimension: DiagnosticDimension) -> [DiagnosticQuestion] {
        questionnaire.questions(in: dimension).filter { $0.isAsked(of: activity) }
    }

    /// Who may fill in an interview: the staff, and its advisor when that is a person of a member
    /// company with a login (`User.person`). A staff advisor is staff.
    static func mayConduct(_ user: User, _ d: Diagnostic) -> Bool {
        if user.role == .staff { return true }
        guard let person = user.$person.id, user.active else { return false }
        return d.$advisorPerson.id == person
    }

    /// The diagnostic `id` of the organisation with its request and questionnaire, if `user` may
    /// conduct it: three queries.
    static func load(_ db: any Database, organisationID: UUID, id: UUID, user: User) async throws -> DiagnosticInterviewContext? {
        guard let d = try await Diagnostic.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$id == id)
                .with(\.$advisorUser).with(\.$advisorPerson).first(),
              mayConduct(user, d),
              let r = try await DiagnosticRequest.find(d.$request.id, on: db),
              let version = try await QuestionnaireVersion.find(d.$questionnaire.id, on: db)
        else { return nil }
        return DiagnosticInterviewContext(diagnostic: d, request: r, questionnaire: try version.questionnaire(), byStaff: user.role == .staff)
    }
}
