import Fluent
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    @Suite struct MailTests {
        func useSMTP(_ app: Application, port: Int, rate: Int = 6000, timeout: Int = 30, username: String? = nil) {
            var config = app.config
            config.mail = .smtp(SMTPSettings(host: "127.0.0.1", port: port, username: username, password: username.map { _ in "secret" },
                                             startTLS: false, timeout: .seconds(Int64(timeout)), messagesPerMinute: rate))
            app.config = config
        }

        func queue(_ app: Application, _ recipients: [String], body: String = "Bonjour") async throws {
            let orgID = try await Fixtures.organisationID(app)
            for to in recipients {
                try await Mailer.queue(on: app.db, organisationID: orgID, to: to, subject: "Lettre d'OPEN NC", body: body, kind: "test")
            }
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

        @Test func aRoundTravelsOverOneConnectionAndARefusedAddressDoesNotStopIt() async throws {
            try await withGrappe { app in
                let server = LocalSMTPServer(rejecting: { $0.contains("inconnu") })
                useSMTP(app, port: try await server.start(group: app.eventLoopGroup))
                try await queue(app, ["a@skazy.example", "inconnu@nulle-part.example", "b@skazy.example", "c@skazy.example"])
                #expect(try await MailDelivery.deliverBatch(app: app) == 3)
                #expect(server.connections == 1, "one session for the round")
                #expect(server.messages.map(\.to) == [["<a@skazy.example>"], ["<b@skazy.example>"], ["<c@skazy.example>"]])
                #expect(server.commands.filter { $0 == "EHLO" }.count == 1 && server.commands.contains("RSET") && server.commands.last == "QUIT")
                let refused = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "inconnu@nulle-part.example").first())
                #expect(refused.status == .pending && refused.attempts == 1 && refused.lastError.contains("550"))
                #expect(try await OutboxMessage.query(on: app.db).filter(\.$status == .sent).count() == 3)
                await server.stop()
            }
        }

        @Test func twoRoundsAtOnceSendEachMessageOnce() async throws {
            try await withGrappe { app in
                let server = LocalSMTPServer()
                useSMTP(app, port: try await server.start(group: app.eventLoopGroup))
                let addresses = (1...8).map { "membre\($0)@skazy.example" }
                try await queue(app, addresses)
                // Two instances' workers waking together read the same due messages.
                let sent = try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<2 { group.addTask { try await MailDelivery.deliverBatch(app: app) } }
                    return try await group.reduce(0, +)
                }
                #expect(sent == 8)
                #expect(server.messages.flatMap(\.to).sorted() == addresses.map { "<\($0)>" }.sorted(), "each address once")
                let message = try #require(try await OutboxMessage.query(on: app.db).first())
                message.status = .pending
                try await message.save(on: app.db)
                let now = Date().addingTimeInterval(MailDelivery.lease + 1)
                #expect(try await MailDelivery.claim(message, now: now, on: app.db), "a claim left by a stopped instance lapses")
                #expect(try await !MailDelivery.claim(message, now: now, on: app.db))
                await server.stop()
            }
        }

        @Test func messagesLeaveAtTheRelaysPace() async throws {
            try await withGrappe { app in
                let server = LocalSMTPServer()
                useSMTP(app, port: try await server.start(group: app.eventLoopGroup), rate: 300)
                try await queue(app, ["a@skazy.example", "b@skazy.example", "c@skazy.example"])
                #expect(try await MailDelivery.deliverBatch(app: app) == 3)
                // 300 a minute: each message starts 200 ms after the one before, 400 ms from the
                // first to the third (a lower bound, less 50 ms for the delivery of a command on
                // a busy machine; unpaced, they would leave within a few milliseconds).
                let starts = server.mailStarts
                #expect(starts.count == 3)
                if let first = starts.first, let last = starts.last { #expect(first.duration(to: last) >= .milliseconds(350)) }
                await server.stop()
            }
        }

        @Test func credentialsAreNeverSentWithoutTLS() async throws {
            try await withGrappe { app in
                let server = LocalSMTPServer(offersAuth: true)
                useSMTP(app, port: try await server.start(group: app.eventLoopGroup), username: "open")
                try await queue(app, ["a@skazy.example"])
                #expect(try await MailDelivery.deliverBatch(app: app) == 0)
                #expect(!server.commands.contains("AUTH"), "the password did not leave")
                #expect(try await OutboxMessage.query(on: app.db).first()?.lastError.contains("en clair") == true)
                await server.stop()
            }
            #expect(throws: AppConfig.ConfigError.self) {
                try AppConfig.fromEnvironment(["MAIL_TRANSPORT": "smtp", "SMTP_HOST": "relais.example", "SMTP_USER": "open", "SMTP_PASSWORD": "x", "SMTP_STARTTLS": "0"])
            }
        }

        @Test func aRelayThatHangsTimesOutAfterTheConfiguredDelay() async throws {
            try await withGrappe { app in
                let server = LocalSMTPServer(silent: true)
                useSMTP(app, port: try await server.start(group: app.eventLoopGroup), timeout: 1)
                try await queue(app, ["a@skazy.example"])
                #expect(try await MailDelivery.deliverBatch(app: app) == 0)
                #expect(try await OutboxMessage.query(on: app.db).first()?.lastError.contains("ne répond pas (1 s)") == true)
                await server.stop()
            }
        }

        /// A stand-in for sendmail that records its arguments and what it read, or fails.
        func stubSendmail(exit code: Int = 0) throws -> (path: String, args: String, input: String) {
            let dir = NSTemporaryDirectory() + "grappe-sendmail-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let path = dir + "/sendmail", args = dir + "/args", input = dir + "/input"
            let script = "#!/bin/sh\nprintf '%s\\n' \"$@\" > '\(args)'\ncat > '\(input)'\n" + (code == 0 ? "exit 0\n" : "echo 'relais indisponible' >&2\nexit \(code)\n")
            try script.write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
            return (path, args, input)
        }

        @Test func theSendmailTransportHandsEachMessageToTheBinary() async throws {
            try await withGrappe { app in
                let stub = try stubSendmail()
                var config = app.config
                config.mail = .sendmail(path: stub.path, timeout: 30)
                app.config = config
                try await queue(app, ["Hatem <hatem@skazy.example>"], body: "Bonjour,\n.point en début de ligne\nfin")
                #expect(try await MailDelivery.deliverBatch(app: app) == 1)
                let args = try String(contentsOfFile: stub.args, encoding: .utf8).split(separator: "\n").map(String.init)
                #expect(args == ["-i", "-f", "contact@open.nc", "--", "hatem@skazy.example"])
                let input = try String(contentsOfFile: stub.input, encoding: .utf8)
                #expect(input.contains("To: Hatem <hatem@skazy.example>\n") && !input.contains("\r\n"), "LF line ends")
                #expect(input.contains("\n.point en d=C3=A9but") && !input.contains("..point"), "no dot-stuffing with -i")
                #expect(try await OutboxMessage.query(on: app.db).first()?.status == .sent)

                let failing = try stubSendmail(exit: 75)
                config.mail = .sendmail(path: failing.path, timeout: 30)
                app.config = config
                try await queue(app, ["b@skazy.example"])
                #expect(try await MailDelivery.deliverBatch(app: app) == 0)
                let kept = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "b@skazy.example").first())
                #expect(kept.status == .pending && kept.lastError.contains("code 75") && kept.lastError.contains("relais indisponible"))
            }
            #expect(throws: AppConfig.ConfigError.self) { try AppConfig.fromEnvironment(["MAIL_TRANSPORT": "sendmail", "SENDMAIL_PATH": "sendmail"]) }
            #expect(try AppConfig.fromEnvironment(["MAIL_TRANSPORT": "sendmail"]).mail == .sendmail(path: "/usr/sbin/sendmail", timeout: 30))
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
