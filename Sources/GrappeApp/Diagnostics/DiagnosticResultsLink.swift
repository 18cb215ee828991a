import Fluent
import Foundation
import Vapor

/// The business's private link to its results: a random token whose SHA-256 alone is stored on
/// the diagnostic (a new link replaces the old one), emailed to the request's contact.
enum DiagnosticResultsLink {
    /// Stores a new token's hash on `d` (not saved) and returns the token.
    static func issue(_ d: Diagnostic) -> String {
        let token = Tokens.random()
        d.resultsTokenHash = Tokens.sha256(token)
        return token
    }

    /// Issues a new link, saves the diagnostic and queues the email, on `db` (the caller's
    /// transaction when it has one). Returns the link.
    @discardableResult
    static func send(_ d: Diagnostic, request r: DiagnosticRequest, app: Application, on db: any Database) async throws -> String {
        let org = try await app.currentOrganisation(on: db)
        let link = app.baseURL + Site.diagnosticResults.path(issue(d))
        try await d.save(on: db)
        if r.erasedAt == nil, !r.contactEmail.isEmpty {
            try await Mailer.queue(DiagnosticMails.results(contact: r.contactName, company: r.companyName, link: link, organisation: org.name),
                                   to: r.contactEmail, organisationID: org.id, on: db)
        }
        return link
    }

    /// The closed diagnostic a token opens, if any.
    static func find(token: String, on db: any Database) async throws -> Diagnostic? {
        guard !token.isEmpty, token.count <= 128 else { return nil }
        return try await Diagnostic.query(on: db).filter(\.$resultsTokenHash == Tokens.sha256(token)).filter(\.$status == .closed).first()
    }
}
