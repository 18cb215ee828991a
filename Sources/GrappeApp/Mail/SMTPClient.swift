import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A small SMTP client (RFC 5321) over SwiftNIO. A `Session` is opened once — greeting, EHLO,
/// STARTTLS, AUTH PLAIN — then carries any number of messages (MAIL, RCPT, DATA; RSET after a
/// refusal) until QUIT. Every reply is awaited at most `SMTPSettings.timeout`.
/// `SMTPBatchSender` keeps one session for a round of the outbox.
enum SMTPClient {
    struct Session: Sendable {
        let channel: any Channel
        let handler: SMTPReplyHandler
        let timeout: TimeAmount

        var isActive: Bool { channel.isActive }

        /// Connects and gets ready to send: STARTTLS when asked (and refused if the server does
        /// not offer it), AUTH only over TLS — a password never crosses the network in clear.
        static func open(settings: SMTPSettings, group: any EventLoopGroup) async throws -> Session {
            if settings.username != nil && !settings.startTLS {
                throw MailFailure(description: "Identifiants SMTP sans STARTTLS : le mot de passe circulerait en clair (SMTP_STARTTLS=1).")
            }
            let handler = SMTPReplyHandler()
            let channel = try await ClientBootstrap(group: group)
                .connectTimeout(settings.timeout)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineDecoder()))
                        try channel.pipeline.syncOperations.addHandler(handler)
                    }
                }
                .connect(host: settings.host, port: settings.port).get()
            let session = Session(channel: channel, handler: handler, timeout: settings.timeout)
            do {
                try await session.expect(220, after: nil)
                let ehlo = try await session.expect(250, after: "EHLO \(settings.heloName)")
                if settings.startTLS {
                    guard ehlo.lines.contains(where: { $0.uppercased().hasPrefix("STARTTLS") }) else {
                        throw MailFailure(description: "Le serveur SMTP ne propose pas STARTTLS (SMTP_STARTTLS=0 pour s'en passer, sans identifiants).")
                    }
                    try await session.expect(220, after: "STARTTLS")
                    let context = try NIOSSLContext(configuration: .makeClientConfiguration())
                    let host = settings.host
                    try await channel.eventLoop.submit {
                        let tls = try NIOSSLClientHandler(context: context, serverHostname: host)
                        try channel.pipeline.syncOperations.addHandler(tls, position: .first)
                    }.get()
                    try await session.expect(250, after: "EHLO \(settings.heloName)")
                }
                if let user = settings.username, let password = settings.password {
                    let token = Data("\u{0}\(user)\u{0}\(password)".utf8).base64EncodedString()
                    try await session.expect(235, after: "AUTH PLAIN \(token)")
                }
            } catch {
                channel.close(promise: nil)
                throw error
            }
            return session
        }

        func deliver(_ message: MailMessage) async throws {
            try await expect(250, after: "MAIL FROM:<\(MailMessage.address(message.from))>")
            try await expect([250, 251], after: "RCPT TO:<\(MailMessage.address(message.to))>")
            try await expect(354, after: "DATA")
            try await expect(250, after: message.wireFormat + "\r\n.")
        }

        /// After a refused message, so that the session can carry the next one.
        func reset() async throws { try await expect(250, after: "RSET") }

        func quit() async {
            if channel.isActive { _ = try? await expect(221, after: "QUIT") }
            try? await channel.close()
        }

        @discardableResult
        func expect(_ code: Int, after command: String?) async throws -> SMTPReply {
            try await expect([code], after: command)
        }

        @discardableResult
        func expect(_ codes: [Int], after command: String?) async throws -> SMTPReply {
            if let command {
                var buffer = channel.allocator.buffer(capacity: command.utf8.count + 2)
                buffer.writeString(command + "\r\n")
                try await channel.writeAndFlush(buffer).get()
            }
            let loop = channel.eventLoop
            let handler = self.handler, timeout = self.timeout
            let reply = try await loop.flatSubmit { handler.nextReply(on: loop, timeout: timeout) }.get()
            guard codes.contains(reply.code) else {
                let shown = command.map { $0.hasPrefix("AUTH") ? "AUTH" : String($0.prefix(40)) } ?? "connexion"
                throw MailFailure(description: "SMTP \(shown) : réponse \(reply.code) \(reply.lines.joined(separator: " "))")
            }
            return reply
        }
    }
}

struct SMTPReply: Sendable {
    let code: Int
    let lines: [String]
}

/// Splits the byte stream into CRLF-terminated lines.
struct LineDecoder: ByteToMessageDecoder {
    typealias InboundOut = String

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let index = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else { return .needMoreData }
        let length = index - buffer.readerIndex + 1
        guard var line = buffer.readString(length: length) else { return .needMoreData }
        // "\r\n" is a single Character in Swift: trim by scalars.
        while let last = line.unicodeScalars.last, last == "\n" || last == "\r" { line.unicodeScalars.removeLast() }
        context.fireChannelRead(wrapInboundOut(line))
        return .continue
    }
}

/// Gathers lines into replies ("250-…" continues, "250 …" ends) and hands them out in order.
/// Only touched on its channel's event loop.
final class SMTPReplyHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = String

    private var partial: [String] = []
    private var replies: [SMTPReply] = []
    private var waiting: [EventLoopPromise<SMTPReply>] = []
    private var failure: (any Error)?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let line = unwrapInboundIn(data)
        guard line.count >= 3, let code = Int(line.prefix(3)) else { return }
        partial.append(String(line.dropFirst(4)))
        let isLast = line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " "
        guard isLast else { return }
        let reply = SMTPReply(code: code, lines: partial)
        partial = []
        if waiting.isEmpty { replies.append(reply) } else { waiting.removeFirst().succeed(reply) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(MailFailure(description: "Connexion SMTP fermée par le serveur."))
        context.fireChannelInactive()
    }

    private func fail(_ error: any Error) {
        failure = error
        for promise in waiting { promise.fail(error) }
        waiting = []
    }

    func nextReply(on loop: any EventLoop, timeout: TimeAmount) -> EventLoopFuture<SMTPReply> {
        if !replies.isEmpty { return loop.makeSucceededFuture(replies.removeFirst()) }
        if let failure { return loop.makeFailedFuture(failure) }
        let promise = loop.makePromise(of: SMTPReply.self)
        waiting.append(promise)
        let seconds = timeout.nanoseconds / 1_000_000_000
        let expiry = loop.scheduleTask(in: timeout) { [self] in
            guard let index = waiting.firstIndex(where: { $0.futureResult === promise.futureResult }) else { return }
            waiting.remove(at: index)
            promise.fail(MailFailure(description: "Le serveur SMTP ne répond pas (\(seconds) s)."))
        }
        promise.futureResult.whenComplete { _ in expiry.cancel() }
        return promise.futureResult
    }
}
