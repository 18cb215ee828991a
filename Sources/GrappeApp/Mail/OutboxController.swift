import Fluent
import GrappeDomain
import Vapor

/// Staff view of the outbox: what waits, what was sent, what failed and why; failed messages
/// can be queued again. `OutboxView` draws the list, `OutboxMessageView` one message.
enum OutboxController {
    static func index(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let orgID = try await req.organisationID()
        let status = OutboxMessage.Status(rawValue: req.query[String.self, at: "etat"] ?? "")
        var query = OutboxMessage.query(on: req.db).filter(\.$organisation.$id == orgID)
        if let status { query = query.filter(\.$status == status) }
        let total = try await query.count()
        let pages = Pagination(page: Pagination.requestedPage(req), total: total)
        let messages = try await query.sort(\.$createdAt, .descending).range(pages.offset..<(pages.offset + pages.perPage)).all()
        let body = OutboxView.list(messages, status: status, pages: pages, transport: req.application.config.mail, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Courriels", body: body)
    }

    /// One message as it leaves: headers, text and calendar part.
    static func show(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let id = try req.uuidParameter("messageID")
        guard let message = try await OutboxMessage.find(id, on: req.db), message.$organisation.id == (try await req.organisationID()) else { throw Abort(.notFound) }
        return try await Layout.page(req, title: message.subject, body: OutboxMessageView.page(message, csrf: CSRF.hiddenField(req)))
    }

    static func retry(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let id = try req.uuidParameter("messageID")
        guard let message = try await OutboxMessage.find(id, on: req.db), message.$organisation.id == (try await req.organisationID()) else { throw Abort(.notFound) }
        message.status = .pending
        message.attempts = 0
        message.nextAttemptAt = Date()
        try await message.save(on: req.db)
        return req.redirect(to: Site.outboxIndex.path(), flash: "Courriel remis dans la file d'envoi.")
    }
}
