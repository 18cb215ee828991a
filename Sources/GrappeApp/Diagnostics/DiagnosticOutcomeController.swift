import Fluent
import GrappeDomain
import Vapor

/// The staff's part of a closed diagnostic's page: the grant's outcome recorded, a follow-up
/// planned (`DiagnosticOutcomeView` draws; the page itself is `DiagnosticAdminController`'s).
enum DiagnosticOutcomeController {
    /// The section for the request's page: empty unless its diagnostic is closed.
    static func section(_ req: Request, request r: DiagnosticRequest, diagnostic d: Diagnostic?, form: FormState?) async throws -> HTML {
        guard let d, d.status == .closed else { return .empty }
        let evaluation = try await DiagnosticEvaluation.load(d, request: r, on: req.db)
        let closed = d.closedAt ?? d.startsAt
        let model = DiagnosticOutcomeView.Model(requestID: try r.requireID(), diagnostic: d, grant: evaluation.grant,
                                                followUpWindow: DiagnosticComparison.followUpWindow(after: closed),
                                                suggestedFollowUp: DiagnosticFollowUp.suggestedSlot(d, now: req.now))
        return DiagnosticOutcomeView.section(model, form: form ?? FormState(values: DiagnosticGrantOutcomeForm.values(d)), csrf: CSRF.hiddenField(req))
    }

    static func closed(_ req: Request) async throws -> (DiagnosticRequest, Diagnostic?) {
        let r = try await DiagnosticAdminController.find(req)
        let d = try await DiagnosticQueries.diagnostic(req.db, requestID: try r.requireID())
        return (r, d?.status == .closed ? d : nil)
    }

    static func grant(_ req: Request) async throws -> Response {
        let (r, found) = try await closed(req)
        let page = Site.diagnosticAdminShow.path(try r.requireID())
        guard let d = found else { return req.redirect(to: page, flash: "L'issue de l'aide s'enregistre une fois le diagnostic clos.", .error) }
        let values = Dictionary(uniqueKeysWithValues: DiagnosticGrantOutcomeForm.fields.map { ($0, req.content[String.self, at: $0] ?? "") })
        let rules = try await DiagnosticSettings.of(d.$organisation.id, on: req.db).grantRules
        switch DiagnosticGrantOutcomeForm.read(values, rules: rules, today: req.now) {
        case .failure(let failure):
            return try await DiagnosticAdminController.page(req, request: r, outcome: FormState(values: values, errors: failure.errors), status: .badRequest)
        case .success(let outcome):
            let before = DiagnosticGrantOutcomeForm.values(d)
            d.grantStatus = outcome.status
            d.grantAmount = outcome.amount
            d.grantOn = outcome.date
            let user = try req.requireUser()
            try await req.db.transaction { db in
                try await d.save(on: db)
                try await Audit.record(on: db, organisationID: d.$organisation.id, user: user, entity: "diagnostic", entityID: try d.requireID(),
                                       action: "update", changes: Audit.diff(before, DiagnosticGrantOutcomeForm.values(d)))
            }
            let estimate = try await DiagnosticEvaluation.load(d, request: r, on: req.db).grant.amount
            if let amount = outcome.amount, let warning = DiagnosticGrant.aboveEstimateWarning(amount, estimate: estimate) {
                return req.redirect(to: page + "#aide", flash: "Issue de l'aide enregistrée. \(warning)", .info)
            }
            return req.redirect(to: page + "#aide", flash: "Issue de l'aide enregistrée : \(DiagnosticGrantOutcomeForm.label(outcome.status).lowercased()).")
        }
    }

    static func followUp(_ req: Request) async throws -> Response {
        let (r, found) = try await closed(req)
        let page = Site.diagnosticAdminShow.path(try r.requireID())
        guard let d = found else { return req.redirect(to: page, flash: "Un suivi se planifie une fois le diagnostic clos.", .error) }
        switch try await DiagnosticFollowUp.create(from: r, diagnostic: d, user: try req.requireUser(), now: req.now, on: req.db) {
        case .failure(.pending(let id)):
            return req.redirect(to: Site.diagnosticAdminShow.path(id), flash: "Une demande de diagnostic de cette entreprise attend déjà : la voici.", .info)
        case .failure(.erased):
            return req.redirect(to: page, flash: "Les coordonnées du contact ont été effacées : le suivi demande une nouvelle demande de l'entreprise.", .error)
        case .failure(.notClosed):
            return req.redirect(to: page, flash: "Un suivi se planifie une fois le diagnostic clos.", .error)
        case .success(let next):
            return req.redirect(to: Site.diagnosticAdminShow.path(try next.requireID()),
                                flash: "Diagnostic de suivi demandé : planifiez le rendez-vous (date suggérée : \(FrenchDate.long(DiagnosticFollowUp.suggestedSlot(d, now: req.now)))).")
        }
    }
}
