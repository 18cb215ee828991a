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
        #expect(html.contains("<td>lea@example.nc</td><td>Votre cotisation &lt;2026&gt;</td>"))
        #expect(html.contains(" (3 essais)") && html.contains("<br><small>550 &lt;refusé&gt;</small>"))
        #expect(html.contains("action=\"\(Site.outboxRetry.path(failed.id!))\"") && !html.contains(Site.outboxRetry.path(sent.id!)))
        #expect(html.contains("(MAIL_TRANSPORT=store)") && html.contains("href=\"\(Site.outboxIndex.path())?etat=failed\">Échec</a>"))
        let empty = OutboxView.list([], status: .failed, pages: Pagination(page: 1, total: 0), transport: .sendmail(path: "/usr/sbin/sendmail", timeout: 30), csrf: .empty).raw
        #expect(empty.contains("Aucun courriel.") && empty.contains("Envoi par le programme sendmail /usr/sbin/sendmail."))
    }

    @Test func theRelayIsNamedWithoutItsCredentials() {
        let text = OutboxView.describe(.smtp(SMTPSettings(host: "smtp.example", port: 587, username: "u", password: "secret", startTLS: true, messagesPerMinute: 60)))
        #expect(text == "Envoi par SMTP via smtp.example:587, 60 courriels par minute au plus." && !text.contains("secret"))
    }
}
