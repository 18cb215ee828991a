import Fluent
import Foundation
import GrappeDomain
import Vapor

/// The interview's writes: starting it, saving a step, closing it. Each re-reads the diagnostic
/// inside its transaction, under the diagnostic's lock (`TransactionLock`), so that two tabs
/// saving two dimensions, or a save racing the closing, never lose or overwrite each other.
enum DiagnosticInterview {
    /// Why the diagnostic refuses a write, in French.
    struct Refusal: Error, Sendable {
        let message: String
    }

    /// Nil when the interview's answers may be written; otherwise why not.
    static func writeRefusal(_ status: Diagnostic.Status) -> String? {
        switch status {
        case .inProgress: nil
        case .planned: "L'entretien n'a pas commencé : commencez-le avant d'enregistrer des réponses."
        case .closed: "Cet entretien est clos : ses réponses ne se modifient plus."
        case .cancelled: "Ce rendez-vous est annulé : l'entretien ne peut pas être rempli."
        }
    }

    /// Planned → in progress: the appointment no longer moves.
    static func start(_ id: UUID, on db: any Database) async throws {
        try await db.transaction { db in
            let d = try await fresh(id, on: db)
            switch d.status {
            case .planned:
                d.status = .inProgress
                try await d.save(on: db)
            case .inProgress: return
            case .closed, .cancelled: throw Refusal(message: writeRefusal(d.status)!)
            }
        }
    }

    /// Merges one step's answers and note into what is stored, in one transaction.
    static func save(_ form: DiagnosticInterviewForm, dimension: DiagnosticDimension, context: DiagnosticInterviewContext, on db: any Database) async throws {
        let questions = context.questions(in: dimension)
        try await db.transaction { db in
            let d = try await fresh(context.id, on: db)
            if let refusal = writeRefusal(d.status) { throw Refusal(message: refusal) }
            try d.store(answers: form.merged(into: d.storedAnswers, questions: questions))
            try d.store(notes: form.merged(into: d.storedNotes, dimension: dimension))
            try await d.save(on: db)
        }
    }

    /// Closes the interview when every question asked has a complete answer: the result recorded,
    /// the earlier diagnostic of the same business followed up, the request done and the private
    /// link to the results emailed to the business, all in one transaction. Returns the link.
    static func close(_ context: DiagnosticInterviewContext, app: Application, now: Date, on db: any Database) async throws -> String {
        try await db.transaction { db in
            let d = try await fresh(context.id, on: db)
            if let refusal = writeRefusal(d.status) { throw Refusal(message: refusal) }
            if let problem = context.questionnaire.closingProblem(d.storedAnswers, activity: context.activity) { throw Refusal(message: problem) }
            guard let r = try await DiagnosticRequest.find(d.$request.id, on: db) else { throw Abort(.notFound) }
            let evaluation = try await DiagnosticEvaluation.load(d, request: r, on: db)
            let earlier = try await DiagnosticQueries.earlier(db, organisationID: d.$organisation.id, ridet: r.ridet, before: now, excluding: d.id)
            d.close(with: evaluation.result, at: now, follows: earlier)
            r.status = .done
            try await r.save(on: db)
            return try await DiagnosticResultsLink.send(d, request: r, app: app, on: db)
        }
    }

    /// The diagnostic as stored now, read under its lock.
    private static func fresh(_ id: UUID, on db: any Database) async throws -> Diagnostic {
        try await TransactionLock.acquire("diagnostic-\(id.uuidString)", on: db)
        guard let d = try await Diagnostic.find(id, on: db) else { throw Abort(.notFound) }
        return d
    }
}
