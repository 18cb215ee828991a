import Fluent
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    @Suite struct MailTests {
        func useSMTP(_ app: Application, port: Int) {
            var config = app.config
            config.mail = .smtp(SMTPSettings(host: "127.0.0.1", port: port, startTLS: false))
            app.config = config
        }

        @Test func outboxIsDeliveredToARealLocalSMTPServer() async throws {
            try await withGrappe { app in
                let server = LocalSMTPServer()
                let port = try await server.start(group: app.eventLoopGroup)
                useSMTP(app, port: port)
                let orgID = try await Fixtures.organisationID(app)
                try await Mailer.queue(on: app.db, organisationID: orgID, to: "Hatem <hatem@skazy.example>", subject: "Relance : cotisation 2025 — n° 2025-0001",
                                       body: "Bonjour,\n.point en début de ligne\nReste à régler : 90 000 XPF", kind: "test")
                let sent = try await MailDelivery.deliverBatch(app: app)
                #expect(sent == 1)
                let message = try #require(server.messages.first)
                #expect(message.to == ["<hatem@skazy.example>"])
                #expect(message.from == "<contact@open.nc>")
                #expect(message.data.contains("Subject: =?UTF-8?B?"))
                #expect(message.data.contains("Content-Transfer-Encoding: quoted-printable"))
                #expect(message.data.contains("..point") == false && message.data.contains(".point"), "dot-stuffing undone by the server")
                #expect(message.data.contains("=C3=A0 r=C3=A9gler"), "UTF-8 body in quoted-printable")
                let stored = try #require(try await OutboxMessage.query(on: app.db).first())
                #expect(stored.status == .sent)
                #expect(stored.sentAt != nil)
                await server.stop()
            }
        }

        @Test func failuresAreRetriedWithBackoffThenShownToStaff() async throws {
            try await withGrappe { app in
                let server = LocalSMTPServer(rejectRecipients: true)
                let port = try await server.start(group: app.eventLoopGroup)
                useSMTP(app, port: port)
                let orgID = try await Fixtures.organisationID(app)
                try await Mailer.queue(on: app.db, organisationID: orgID, to: "inconnu@nulle-part.example", subject: "Test", body: "x", kind: "test")
                var now = Date()
                #expect(try await MailDelivery.deliverBatch(app: app, now: now) == 0)
                var stored = try #require(try await OutboxMessage.query(on: app.db).first())
                #expect(stored.status == .pending)
                #expect(stored.attempts == 1)
                #expect(stored.lastError.contains("550"))
                #expect(stored.nextAttemptAt > now.addingTimeInterval(59))
                #expect(try await MailDelivery.deliverBatch(app: app, now: now) == 0)
                #expect(try await OutboxMessage.query(on: app.db).first()?.attempts == 1, "not retried before its time")
                for _ in 2...MailDelivery.maxAttempts {
                    now = now.addingTimeInterval(7 * 3600)
                    try await MailDelivery.deliverBatch(app: app, now: now)
                }
                stored = try #require(try await OutboxMessage.query(on: app.db).first())
                #expect(stored.status == .failed)
                #expect(MailDelivery.backoff(afterAttempt: 1) == 60)
                #expect(MailDelivery.backoff(afterAttempt: 3) == 240)
                #expect(MailDelivery.backoff(afterAttempt: 20) == 6 * 3600)
                let client = try await Fixtures.staffClient(app)
                let page = try await client.get("/courriels?etat=failed")
                #expect(page.body.contains("inconnu@nulle-part.example"))
                #expect(page.body.contains("550"))
                #expect(try await client.post("/courriels/\(stored.id!.uuidString)/relancer").status == .seeOther)
                #expect(try await OutboxMessage.find(stored.id, on: app.db)?.status == .pending)
                await server.stop()
            }
        }

        @Test func unreachableServerIsAnErrorNotACrash() async throws {
            try await withGrappe { app in
                useSMTP(app, port: 1)
                let orgID = try await Fixtures.organisationID(app)
                try await Mailer.queue(on: app.db, organisationID: orgID, to: "a@b.example", subject: "x", body: "y", kind: "test")
                #expect(try await MailDelivery.deliverBatch(app: app) == 0)
                #expect(try await OutboxMessage.query(on: app.db).first()?.lastError.isEmpty == false)
            }
        }
    }
}
