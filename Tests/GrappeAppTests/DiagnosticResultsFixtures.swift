import Fluent
import Foundation
import GrappeDomain
import Vapor
@testable import GrappeApp

/// Closed diagnostics made directly, as the interview leaves them: answers stored, scores
/// recorded, a results link issued.
enum DiagnosticResultsFixtures {
    /// Valid answers to every question of `questionnaire` at one level, 0 (nothing) to 5 (all).
    /// At levels 1–2 every business area is planned but little is prepared: a basic business with gaps.
    static func answers(_ questionnaire: DiagnosticQuestionnaire = .v1, level: Int) -> [String: DiagnosticAnswer] {
        var answers: [String: DiagnosticAnswer] = [:]
        for q in questionnaire.questions {
            switch q.kind {
            case .multipleChoice:
                let options = q.options.filter { !$0.exclusive }
                let ticked = Set(options.prefix(options.count * level / 5).map(\.key))
                answers[q.key] = .choices(ticked.isEmpty ? Set(q.exclusiveOption.map { [$0.key] } ?? []) : ticked)
            case .scale:
                answers[q.key] = .scale(Dictionary(uniqueKeysWithValues: q.rows.map { ($0.key, level) }))
            case .triState:
                let value: DiagnosticAnswer.TriState = level <= 1 ? .no : level <= 3 ? .partly : .yes
                answers[q.key] = .triState(Dictionary(uniqueKeysWithValues: q.rows.map { ($0.key, value) }))
            case .investment:
                let box = DiagnosticAnswer.Investment(already: level >= 3, planned: level >= 1)
                answers[q.key] = .investment(Dictionary(uniqueKeysWithValues: q.rows.map { ($0.key, box) }))
            }
        }
        return answers
    }

    struct Closed {
        let request: DiagnosticRequest
        let diagnostic: Diagnostic
        let token: String
        var path: String { "/diagnostic/resultats/\(token)" }
    }

    /// A request and its diagnostic, closed at `closedAt` with answers at `level`, led by the
    /// staff account when there is one.
    static func closed(_ app: Application, company: String = "Épicerie <script>alert(1)</script>", commune: String = "Païta",
                       activity: BusinessActivity = .retail, level: Int = 1, closedAt: Date = TestClock.now, follows earlier: Diagnostic? = nil,
                       status: Diagnostic.Status = .closed, notes: [DiagnosticDimension: String] = [:]) async throws -> Closed {
        let r = try await AppTests.DiagnosticPlanningTests.request(app, company: company, status: .done)
        r.commune = commune
        r.activity = activity
        try await r.save(on: app.db)
        let version = try await QuestionnaireVersion.query(on: app.db).filter(\.$organisation.$id == r.$organisation.id).sort(\.$version).first()!
        let d = Diagnostic(organisationID: r.$organisation.id, requestID: try r.requireID(), questionnaireID: try version.requireID(),
                           startsAt: closedAt.addingTimeInterval(-Diagnostic.duration))
        d.$advisorUser.id = try await User.query(on: app.db).filter(\.$email == "staff@open.nc").first()?.id
        let answers = answers(try version.questionnaire(), level: level)
        try d.store(answers: answers)
        try d.store(notes: notes)
        d.close(with: DiagnosticScoring.result(try version.questionnaire(), answers), at: closedAt, follows: earlier)
        d.status = status
        let token = DiagnosticResultsLink.issue(d)
        try await d.create(on: app.db)
        return Closed(request: r, diagnostic: d, token: token)
    }

    /// A company with a public profile, a member in `year`, working in `domains` (names of the default list).
    @discardableResult
    static func provider(_ app: Application, name: String, domains: [String], year: Int = 2026) async throws -> Company {
        let (company, _) = try await Fixtures.member(app, name: name, year: year)
        company.publicProfile = true
        try await company.save(on: app.db)
        let found = try await CompetenceDomain.query(on: app.db).filter(\.$organisation.$id == company.$organisation.id).filter(\.$name ~~ domains).all()
        for domain in found { try await CompanyDomain(companyID: try company.requireID(), domainID: try domain.requireID()).create(on: app.db) }
        return company
    }

    /// What an escaped page shows for `text`.
    static func escaped(_ text: String) -> String {
        let html: HTML = "\(text)"
        return html.raw
    }
}
