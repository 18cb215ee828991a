import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The outbox drawn from messages in memory: no database, no request.
@Suite struct OutboxViewTests {
    static func message(_ status: OutboxMessage.Status, error: String = "") -> OutboxMessage {
        let m = OutboxMessage()
        m.id = UUID()
        m.recipient = "lea@example.nc"; m.subject = "Votre cotisation <2026>"; m.status = status
        m.attempts = status == .failed ? 3 : 0; m.lastError = error
        return m
    }

    @Test func failuresSayWhyAndCanBeRetried() {
        let failed = Self.message(.failed, error: "550 <refusé>"), sent = Self.message(.sent)
        let html = OutboxView.list([failed, sent], status: nil, pages: Pagination(page: 1, total: 2), transport: .store, csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("<td>lea@example.nc</td><td><a href=\"\(Site.outboxShow.path(failed.id!))\">Votre cotisation &lt;2026&gt;</a></td>"))
        #expect(html.contains(" (3 essais)") && html.contains("<br><small>550 &lt;refusé&gt;</small>"))
        #expect(html.contains("action=\"\(Site.outboxRetry.path(failed.id!))\"") && !html.contains(Site.outboxRetry.path(sent.id!)))
        #expect(html.contains("(MAIL_TRANSPORT=store)") && html.contains("href=\"\(Site.outboxIndex.path())?etat=failed\">Échec</a>"))
        let empty = OutboxView.list([], status: .failed, pages: Pagination(page: 1, total: 0), transport: .sendmail(path: "/usr/sbin/sendmail", timeout: 30), csrf: .empty).raw
        #expect(empty.contains("Aucun courriel.") && empty.contains("Envoi par le programme sendmail /usr/sbin/sendmail."))
    }

    @Test func aMessageShowsItsHeadersTextAndCalendarPart() {
        let m = Self.message(.failed, error: "550 <refusé>")
        m.body = "Bonjour <Léa>"; m.kind = "dues_reminder"; m.headers = "List-Unsubscribe: <https://x.example/d>"; m.calendar = "BEGIN:VCALENDAR"
        let html = OutboxMessageView.page(m, csrf: .empty).raw
        #expect(html.contains("<h1>Votre cotisation &lt;2026&gt;</h1>") && html.contains("<dt>À</dt><dd>lea@example.nc</dd>"))
        #expect(html.contains("<dt>List-Unsubscribe</dt><dd>&lt;https://x.example/d&gt;</dd>") && html.contains("<pre class=\"mail\">Bonjour &lt;Léa&gt;</pre>"))
        #expect(html.contains("BEGIN:VCALENDAR") && html.contains("action=\"\(Site.outboxRetry.path(m.id!))\""))
        let plain = Self.message(.sent)
        plain.body = "Texte"; plain.kind = "x"
        #expect(!OutboxMessageView.page(plain, csrf: .empty).raw.contains("Invitation (calendrier)"))
    }

    @Test func theRelayIsNamedWithoutItsCredentials() {
        let text = OutboxView.describe(.smtp(SMTPSettings(host: "smtp.example", port: 587, username: "u", password: "secret", startTLS: true, messagesPerMinute: 60)))
        #expect(text == "Envoi par SMTP via smtp.example:587, 60 courriels par minute au plus." && !text.contains("secret"))
    }
}
