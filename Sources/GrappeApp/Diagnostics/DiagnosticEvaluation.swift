import Fluent
import Foundation
import GrappeDomain

/// What a diagnostic's stored answers give, computed from the raw answers with the rules of the
/// domain: the result (question, dimension, overall), the gaps, the plan with the advisor's
/// changes, and the grant. The interview, the results page, the PDF and the staff's page all
/// read a diagnostic through this one value.
struct DiagnosticEvaluation: Sendable {
    let questionnaire: DiagnosticQuestionnaire
    let answers: [String: DiagnosticAnswer]
    let notes: [DiagnosticDimension: String]
    let result: DiagnosticResult
    let gaps: [DiagnosticGap]
    let plan: DiagnosticPlan
    let grant: DiagnosticGrant

    init(diagnostic: Diagnostic, request: DiagnosticRequest, questionnaire: DiagnosticQuestionnaire,
         catalogue: [DiagnosticAction], rules: GrantRules) {
        self.questionnaire = questionnaire
        answers = diagnostic.storedAnswers
        notes = diagnostic.storedNotes
        result = DiagnosticScoring.result(questionnaire, answers)
        gaps = DiagnosticGap.find(questionnaire, answers, result)
        plan = DiagnosticPlan.build(catalogue: catalogue, result: result, gaps: gaps, overrides: diagnostic.storedOverrides)
        grant = DiagnosticGrant.assess(request.applicant, actions: plan.actions, rules: rules)
    }

    /// Reads what the evaluation needs (the diagnostic's questionnaire version, the catalogue, the
    /// organisation's grant rules): three queries.
    static func load(_ diagnostic: Diagnostic, request: DiagnosticRequest, on db: any Database) async throws -> DiagnosticEvaluation {
        guard let version = try await QuestionnaireVersion.find(diagnostic.$questionnaire.id, on: db) else { throw DiagnosticDataError.missingQuestionnaire }
        let catalogue = try await DiagnosticCatalogueQueries.actions(db, organisationID: diagnostic.$organisation.id)
        let rules = try await DiagnosticSettings.of(diagnostic.$organisation.id, on: db).grantRules
        return DiagnosticEvaluation(diagnostic: diagnostic, request: request, questionnaire: try version.questionnaire(), catalogue: catalogue, rules: rules)
    }
}

enum DiagnosticDataError: Error {
    case missingQuestionnaire
}

/// The organisation's action catalogue, in the staff's order.
enum DiagnosticCatalogueQueries {
    static func records(_ db: any Database, organisationID: UUID) async throws -> [DiagnosticActionRecord] {
        try await DiagnosticActionRecord.query(on: db).filter(\.$organisation.$id == organisationID)
            .sort(\.$position).sort(\.$key).all()
    }

    static func actions(_ db: any Database, organisationID: UUID) async throws -> [DiagnosticAction] {
        try await records(db, organisationID: organisationID).map(\.action)
    }
}

extension DiagnosticRequest {
    /// The business as the grant's rules read it.
    var applicant: DiagnosticGrant.Applicant {
        .init(activity: activity, commune: commune, headcount: headcount, ridet: ridet)
    }
}

extension Diagnostic {
    private static let decoder = JSONDecoder()

    /// The raw answers by question key; an empty or unreadable column reads as no answer (the
    /// first rows were created with « [] »).
    var storedAnswers: [String: DiagnosticAnswer] {
        (try? Self.decoder.decode([String: DiagnosticAnswer].self, from: Data(answers.utf8))) ?? [:]
    }

    var storedNotes: [DiagnosticDimension: String] {
        (try? Self.decoder.decode([DiagnosticDimension: String].self, from: Data(notes.utf8))) ?? [:]
    }

    var storedOverrides: DiagnosticPlan.Overrides {
        (try? Self.decoder.decode(DiagnosticPlan.Overrides.self, from: Data(planOverrides.utf8))) ?? .init()
    }

    func store(answers: [String: DiagnosticAnswer]) throws {
        self.answers = try Self.json(answers)
    }

    func store(notes: [DiagnosticDimension: String]) throws {
        self.notes = try Self.json(notes)
    }

    func store(overrides: DiagnosticPlan.Overrides) throws {
        planOverrides = try Self.json(overrides)
    }

    /// Sorted keys: the same answers always give the same text.
    private static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Writes a result into the score columns (done when the interview is closed).
    func record(_ result: DiagnosticResult) {
        overallScore = result.overall
        level = result.level.rawValue
        scoreStrategy = result.score(.strategy)
        scoreReadiness = result.score(.readiness)
        scoreHumanCentric = result.score(.humanCentric)
        scoreData = result.score(.data)
        scoreAutomation = result.score(.automation)
        scoreGreen = result.score(.green)
    }

    /// The scores as they were recorded at closing, when they were.
    var recordedResult: DiagnosticResult? {
        guard let overallScore else { return nil }
        let pairs: [(DiagnosticDimension, Double?)] = [(.strategy, scoreStrategy), (.readiness, scoreReadiness), (.humanCentric, scoreHumanCentric),
                                                       (.data, scoreData), (.automation, scoreAutomation), (.green, scoreGreen)]
        return DiagnosticResult(version: 0, questions: [:], dimensions: Dictionary(uniqueKeysWithValues: pairs.map { ($0, $1 ?? 0) }), overall: overallScore)
    }
}

extension Diagnostic {
    /// Marks the interview closed with its result (the caller has checked completeness with
    /// `DiagnosticQuestionnaire.closingProblem` and saves the row in its transaction).
    func close(with result: DiagnosticResult, at now: Date, follows earlier: Diagnostic?) {
        status = .closed
        closedAt = now
        record(result)
        followsID = earlier?.id
    }
}

extension DiagnosticQueries {
    /// The latest closed diagnostic of the same business (same RIDET) before `date`: the one a
    /// new diagnostic follows up.
    static func earlier(_ db: any Database, organisationID: UUID, ridet: String, before date: Date, excluding id: UUID?) async throws -> Diagnostic? {
        let requestIDs = try await DiagnosticRequest.query(on: db).filter(\.$organisation.$id == organisationID)
            .filter(\.$ridet == ridet).all(\.$id)
        guard !requestIDs.isEmpty else { return nil }
        var query = Diagnostic.query(on: db).filter(\.$request.$id ~~ requestIDs).filter(\.$status == .closed).filter(\.$closedAt < date)
        if let id { query = query.filter(\.$id != id) }
        return try await query.sort(\.$closedAt, .descending).first()
    }
}
