import Foundation

/// Hands each message to a sendmail-compatible binary (`MAIL_TRANSPORT=sendmail`,
/// `SENDMAIL_PATH`, by default /usr/sbin/sendmail): `sendmail -i -f FROM -- TO`, the message on
/// standard input with LF line ends, as Postfix, Exim, msmtp and OpenSMTPD all accept. A non-zero
/// exit is a failure, retried like an SMTP one, with what the binary wrote on standard error.
struct SendmailSender: MailSender {
    let path: String
    /// The longest the binary may take with one message.
    let timeout: TimeInterval

    func send(_ message: MailMessage) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-i", "-f", MailMessage.address(message.from), "--", MailMessage.address(message.to)]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let finished = AsyncStream<Int32> { continuation in
            process.terminationHandler = { continuation.yield($0.terminationStatus); continuation.finish() }
        }
        do { try process.run() } catch {
            throw MailFailure(description: "sendmail introuvable ou non exécutable (\(path)) : \(error.localizedDescription)")
        }
        // Read while it runs: a binary that says a lot on stderr must not block on a full pipe.
        // The blocking read runs on a dispatch thread, never on the event loops that run tasks.
        let said = Task {
            await withCheckedContinuation { done in
                DispatchQueue.global().async { done.resume(returning: errors.fileHandleForReading.readDataToEndOfFile()) }
            }
        }
        let watchdog = Task {
            try await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
            if process.isRunning { process.terminate() }
        }
        defer { watchdog.cancel() }
        // Without dot-stuffing: with -i a lone "." does not end the message.
        let text = message.unstuffedFormat.replacingOccurrences(of: "\r\n", with: "\n") + "\n"
        try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try? input.fileHandleForWriting.close()
        var status: Int32 = -1
        for await code in finished { status = code }
        let message = String(decoding: await said.value, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard status == 0 else {
            let reason = process.terminationReason == .uncaughtSignal ? "arrêté après \(Int(timeout)) s" : "code \(status)"
            throw MailFailure(description: "sendmail (\(reason))\(message.isEmpty ? "" : " : " + String(message.prefix(300)))")
        }
    }

    func finish() async {}
}
