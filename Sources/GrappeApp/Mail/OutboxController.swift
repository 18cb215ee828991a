import Fluent
import GrappeDomain
import Vapor

/// Staff view of the outbox: what waits, what was sent, what failed and why; failed messages
/// can be queued again.
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
        let transport: String
        switch req.application.config.mail {
        case .store: transport = "Les courriels sont conservés ici sans être envoyés (MAIL_TRANSPORT=store)."
        case .smtp(let s): transport = "Envoi par SMTP via \(s.host):\(s.port), \(s.messagesPerMinute) courriels par minute au plus."
        case .sendmail(let path, _): transport = "Envoi par le programme sendmail \(path)."
        }
        let rows = messages.map { m -> HTML in
            """
            <tr><td>\(m.createdAt.map(FrenchDate.dateTime) ?? "")</td><td>\(m.recipient)</td><td>\(m.subject)</td>
            <td>\(UI.badge(m.status.label, m.status == .failed ? "warn" : (m.status == .sent ? "ok" : "info")))\(m.attempts > 0 ? " (\(m.attempts) essai(s))" : "")
            \(m.lastError.isEmpty ? HTML.empty : HTML("<br><small>\(m.lastError)</small>"))</td>
            <td>\(m.status == .failed ? UI.postButton(req, action: Site.outboxRetry.path(m.id!), label: "Réessayer") : .empty)</td></tr>
            """
        }
        let filters = OutboxMessage.Status.allCases.map { s in "<a href=\"\(Site.outboxIndex.path())?etat=\(s.rawValue)\">\(s.label)</a>" as HTML }
        let body: HTML = """
        <h1>Courriels</h1>
        <p>\(transport)</p>
        <p class="filters-inline">Afficher : <a href="\(Site.outboxIndex.path())">tous</a> · \(filters.joined(separator: " · "))</p>
        \(messages.isEmpty ? UI.emptyState("Aucun courriel.") : "<table class=\"list\"><thead><tr><th>Créé</th><th>Destinataire</th><th>Objet</th><th>État</th><th></th></tr></thead><tbody>\(rows)</tbody></table>")
        \(pages.links(path: Site.outboxIndex.path(), params: ["etat": status?.rawValue ?? ""]))
        """
        return try await Layout.page(req, title: "Courriels", body: body)
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
