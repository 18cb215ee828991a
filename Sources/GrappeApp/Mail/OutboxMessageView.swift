import Foundation
import GrappeDomain

/// One message of the outbox, drawn without a database: its headers (recipient, subject, kind,
/// extra headers), its state, its text as sent and its calendar part if it has one.
enum OutboxMessageView {
    static func page(_ m: OutboxMessage, csrf: HTML) -> HTML {
        let extra = m.extraHeaders.map { name, value -> HTML in "<dt>\(name)</dt><dd>\(value)</dd>" }
        let state: HTML = """
        \(UI.badge(m.status.label, m.status == .failed ? "warn" : (m.status == .sent ? "ok" : "info")))\
        \(m.sentAt.map { HTML(" le \(FrenchDate.dateTime($0))") })\
        \(m.attempts > 0 ? HTML(" (\(French.count(m.attempts, "essai", "essais")))") : .empty)\
        \(m.lastError.isEmpty ? HTML.empty : HTML("<br><small>\(m.lastError)</small>"))
        """
        return """
        \(UI.breadcrumbs([("Courriels", Site.outboxIndex.path()), (m.subject.nonEmpty ?? "(sans objet)", nil)]))
        <h1>\(m.subject.nonEmpty ?? "(sans objet)")</h1>
        <dl class="facts"><dt>À</dt><dd>\(m.recipient)</dd><dt>Objet</dt><dd>\(m.subject)</dd>
        <dt>Créé</dt><dd>\(m.createdAt.map(FrenchDate.dateTime) ?? "—")</dd><dt>Catégorie</dt><dd>\(m.kind)</dd>
        \(extra)<dt>État</dt><dd>\(state)</dd></dl>
        \(m.status == .failed ? UI.postButton(csrf: csrf, action: Site.outboxRetry.path(m.id!), label: "Réessayer") : .empty)
        <section><h2>Texte</h2><pre class="mail">\(m.body)</pre></section>
        \(m.calendar.map { HTML("<section><h2>Invitation (calendrier)</h2><pre class=\"mail\">\($0)</pre></section>") })
        """
    }
}
