import Fluent
import Foundation
import GrappeDomain

/// The outbox as staff read it, drawn without a database: how mail leaves this instance, the
/// messages (filtered by `status`) and a retry button on each failure. `csrf` is the page's
/// token field.
enum OutboxView {
    static func list(_ messages: [OutboxMessage], status: OutboxMessage.Status?, pages: Pagination, transport: AppConfig.MailTransport, csrf: HTML) -> HTML {
        let rows = messages.map { m -> HTML in
            """
            <tr><td>\(m.createdAt.map(FrenchDate.dateTime) ?? "")</td><td>\(m.recipient)</td><td><a href="\(Site.outboxShow.path(m.id!))">\(m.subject.nonEmpty ?? "(sans objet)")</a></td>
            <td>\(UI.badge(m.status.label, m.status == .failed ? "warn" : (m.status == .sent ? "ok" : "info")))\(m.attempts > 0 ? " (\(French.count(m.attempts, "essai", "essais")))" : "")
            \(m.lastError.isEmpty ? HTML.empty : HTML("<br><small>\(m.lastError)</small>"))</td>
            <td>\(m.status == .failed ? UI.postButton(csrf: csrf, action: Site.outboxRetry.path(m.id!), label: "Réessayer") : .empty)</td></tr>
            """
        }
        let filters = OutboxMessage.Status.allCases.map { s in "<a href=\"\(Site.outboxIndex.path())?etat=\(s.rawValue)\">\(s.label)</a>" as HTML }
        return """
        <h1>Courriels</h1>
        <p>\(describe(transport))</p>
        <p class="filters-inline">Afficher : <a href="\(Site.outboxIndex.path())">tous</a> · \(filters.joined(separator: " · "))</p>
        \(messages.isEmpty ? UI.emptyState("Aucun courriel.") : "<table class=\"list\"><thead><tr><th>Créé</th><th>Destinataire</th><th>Objet</th><th>État</th><th><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>\(rows)</tbody></table>")
        \(pages.links(path: Site.outboxIndex.path(), params: ["etat": status?.rawValue ?? ""]))
        """
    }

    /// How mail leaves, in a sentence (never the relay's credentials).
    static func describe(_ transport: AppConfig.MailTransport) -> String {
        switch transport {
        case .store: "Les courriels sont conservés ici sans être envoyés (MAIL_TRANSPORT=store)."
        case .smtp(let s): "Envoi par SMTP via \(s.host):\(s.port), \(s.messagesPerMinute) courriels par minute au plus."
        case .sendmail(let path, _): "Envoi par le programme sendmail \(path)."
        }
    }
}
