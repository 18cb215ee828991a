import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A real SMTP server on 127.0.0.1 (RFC 5321 subset: EHLO, MAIL, RCPT, DATA, QUIT), started by a
/// test. It keeps what it receives.
final class LocalSMTPServer: Sendable {
    struct Received: Sendable {
        let from: String
        let to: [String]
        let data: String
    }

    private let received = NIOLockedValueBox<[Received]>([])
    private let channel: NIOLockedValueBox<(any Channel)?> = .init(nil)
    let rejectRecipients: Bool

    init(rejectRecipients: Bool = false) { self.rejectRecipients = rejectRecipients }

    var messages: [Received] { received.withLockedValue { $0 } }

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

    func channelActive(context: ChannelHandlerContext) { reply(context, "220 localhost Grappe test SMTP") }

    func reply(_ context: ChannelHandlerContext, _ text: String) {
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: text + "\r\n")), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data raw: NIOAny) {
        let line = unwrapInboundIn(raw)
        if inData {
            if line == "." {
                inData = false
                server.store(.init(from: from, to: to, data: data.joined(separator: "\r\n")))
                data = []
                reply(context, "250 OK queued")
            } else {
                data.append(line.hasPrefix("..") ? String(line.dropFirst()) : line)
            }
            return
        }
        let upper = line.uppercased()
        if upper.hasPrefix("EHLO") || upper.hasPrefix("HELO") {
            reply(context, "250-localhost\r\n250 8BITMIME")
        } else if upper.hasPrefix("MAIL FROM:") {
            from = String(line.dropFirst(10)); to = []
            reply(context, "250 OK")
        } else if upper.hasPrefix("RCPT TO:") {
            if server.rejectRecipients { reply(context, "550 No such user"); return }
            to.append(String(line.dropFirst(8)))
            reply(context, "250 OK")
        } else if upper == "DATA" {
            inData = true
            reply(context, "354 End data with <CR><LF>.<CR><LF>")
        } else if upper == "QUIT" {
            reply(context, "221 Bye")
            context.close(promise: nil)
        } else {
            reply(context, "502 Command not implemented")
        }
    }
}
