import Fluent
import Foundation
import GrappeDomain

/// What the results of a closed diagnostic show, for the business (its private link, the PDF)
/// and for the staff: the request, the scores recorded at closing, the evaluation (gaps, plan,
/// grant), who can carry out each action, and the comparison with the diagnostic it follows up.
struct DiagnosticResultsPage: @unchecked Sendable {
    let request: DiagnosticRequest
    let diagnostic: Diagnostic
    let organisation: String
    let advisor: String?
    let evaluation: DiagnosticEvaluation
    /// The scores as recorded at closing (the figures average those columns), else as computed.
    let result: DiagnosticResult
    let rules: GrantRules
    /// Action key → the member companies covering it.
    let providers: [String: [DiagnosticResultsProviders.Provider]]
    let comparison: DiagnosticComparison?

    var date: Date { diagnostic.closedAt ?? diagnostic.startsAt }
    var plan: DiagnosticPlan { evaluation.plan }
    var grant: DiagnosticGrant { evaluation.grant }

    /// A constant number of queries: the advisor, the evaluation's three, the grant's rules,
    /// the earlier diagnostic when there is one, the providers.
    static func load(_ d: Diagnostic, request r: DiagnosticRequest, organisation: String, now: Date, on db: any Database) async throws -> DiagnosticResultsPage {
        let advisor: String?
        if let user = try await d.$advisorUser.get(on: db) {
            advisor = user.displayName.isEmpty ? user.email : user.displayName
        } else {
            advisor = try await d.$advisorPerson.get(on: db)?.fullName
        }
        let evaluation = try await DiagnosticEvaluation.load(d, request: r, on: db)
        let rules = try await DiagnosticSettings.of(d.$organisation.id, on: db).grantRules
        let result = d.recordedResult.map { DiagnosticResult(version: evaluation.questionnaire.version, questions: evaluation.result.questions,
                                                             dimensions: $0.dimensions, overall: $0.overall) } ?? evaluation.result
        var comparison: DiagnosticComparison?
        if let followsID = d.followsID, let earlier = try await Diagnostic.find(followsID, on: db), let first = earlier.recordedResult {
            comparison = DiagnosticComparison(first: first, on: earlier.closedAt ?? earlier.startsAt, second: result, on: d.closedAt ?? d.startsAt)
        }
        let providers = try await DiagnosticResultsProviders.forPlan(evaluation.plan.actions, db, organisationID: d.$organisation.id, now: now)
        return DiagnosticResultsPage(request: r, diagnostic: d, organisation: organisation, advisor: advisor, evaluation: evaluation, result: result,
                                     rules: rules, providers: providers, comparison: comparison)
    }
}
