import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A real SMTP server on 127.0.0.1 (RFC 5321 subset: EHLO, MAIL, RCPT, DATA, RSET, QUIT),
/// started by a test. It keeps what it receives, the commands it was sent and how many
/// connections it accepted.
final class LocalSMTPServer: Sendable {
    struct Received: Sendable {
        let from: String
        let to: [String]
        let data: String
        let at: ContinuousClock.Instant
    }

    private let received = NIOLockedValueBox<[Received]>([])
    private let log = NIOLockedValueBox<(connections: Int, commands: [String], mailStarts: [ContinuousClock.Instant])>((0, [], []))
    private let channel: NIOLockedValueBox<(any Channel)?> = .init(nil)
    /// Recipients answered with 550.
    let rejects: @Sendable (String) -> Bool
    /// Offers AUTH PLAIN in its EHLO reply.
    let offersAuth: Bool
    /// Never answers (a relay that hangs).
    let silent: Bool

    init(rejectRecipients: Bool = false, rejecting: (@Sendable (String) -> Bool)? = nil, offersAuth: Bool = false, silent: Bool = false) {
        self.rejects = rejecting ?? { _ in rejectRecipients }
        self.offersAuth = offersAuth
        self.silent = silent
    }

    var messages: [Received] { received.withLockedValue { $0 } }
    var connections: Int { log.withLockedValue { $0.connections } }
    /// The first word of every command received outside DATA.
    var commands: [String] { log.withLockedValue { $0.commands } }

    fileprivate func connected() { log.withLockedValue { $0.connections += 1 } }
    /// When each MAIL FROM arrived.
    var mailStarts: [ContinuousClock.Instant] { log.withLockedValue { $0.mailStarts } }

    fileprivate func heard(_ line: String) {
        let verb = String(line.split(separator: " ").first ?? "").uppercased()
        log.withLockedValue {
            $0.commands.append(verb)
            if verb == "MAIL" { $0.mailStarts.append(.now) }
        }
    }

    /// Starts listening on a free port and returns it.
    func start(group: any EventLoopGroup) async throws -> Int {
        let server = self
        let bound = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                    try channel.pipeline.syncOperations.addHandler(SMTPSessionHandler(server: server))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        channel.withLockedValue { $0 = bound }
        return bound.localAddress?.port ?? 0
    }

    func stop() async {
        let c = channel.withLockedValue { $0 }
        try? await c?.close()
    }

    fileprivate func store(_ message: Received) { received.withLockedValue { $0.append(message) } }
}

private struct SMTPLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = String
    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let index = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else { return .needMoreData }
        guard var line = buffer.readString(length: index - buffer.readerIndex + 1) else { return .needMoreData }
        // "\r\n" is a single Character in Swift: trim by scalars.
        while let last = line.unicodeScalars.last, last == "\n" || last == "\r" { line.unicodeScalars.removeLast() }
        context.fireChannelRead(wrapInboundOut(line))
        return .continue
    }
}

private final class SMTPSessionHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = String
    typealias OutboundOut = ByteBuffer

    let server: LocalSMTPServer
    var from = ""
    var to: [String] = []
    var data: [String] = []
    var inData = false

    init(server: LocalSMTPServer) { self.server = server }

    func channelActive(context: ChannelHandlerContext) {
        server.connected()
        if !server.silent { reply(context, "220 localhost Grappe test SMTP") }
    }

    func reply(_ context: ChannelHandlerContext, _ text: String) {
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: text + "\r\n")), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data raw: NIOAny) {
        let line = unwrapInboundIn(raw)
        if inData {
            if line == "." {
                inData = false
                server.store(.init(from: from, to: to, data: data.joined(separator: "\r\n"), at: .now))
                data = []
                reply(context, "250 OK queued")
            } else {
                data.append(line.hasPrefix("..") ? String(line.dropFirst()) : line)
            }
            return
        }
        server.heard(line)
        guard !server.silent else { return }
        let upper = line.uppercased()
        if upper.hasPrefix("EHLO") || upper.hasPrefix("HELO") {
            reply(context, server.offersAuth ? "250-localhost\r\n250-AUTH PLAIN\r\n250 8BITMIME" : "250-localhost\r\n250 8BITMIME")
        } else if upper.hasPrefix("MAIL FROM:") {
            from = String(line.dropFirst(10)); to = []
            reply(context, "250 OK")
        } else if upper.hasPrefix("RCPT TO:") {
            if server.rejects(line) { reply(context, "550 No such user"); return }
            to.append(String(line.dropFirst(8)))
            reply(context, "250 OK")
        } else if upper == "DATA" {
            inData = true
            reply(context, "354 End data with <CR><LF>.<CR><LF>")
        } else if upper == "RSET" {
            from = ""; to = []
            reply(context, "250 OK")
        } else if upper.hasPrefix("AUTH") {
            reply(context, "235 Authenticated")
        } else if upper == "QUIT" {
            reply(context, "221 Bye")
            context.close(promise: nil)
        } else {
            reply(context, "502 Command not implemented")
        }
    }
}
