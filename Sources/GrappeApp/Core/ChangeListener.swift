import FluentPostgresDriver
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// PostgreSQL: how the instances sharing one database learn of each other's writes, so that
/// their in-memory caches stay exact (`ChangeBoard`).
///
/// One connection per instance, outside the pool, `LISTEN`s on `grappe_writes`; each committed
/// write of this instance is sent there with `pg_notify` (payload: this instance's id and the
/// `WriteKind`), and PostgreSQL delivers it to every other instance. While that connection is
/// not listening — not yet opened, or lost — the caches are off and every request reads the
/// database; each time it listens again they start empty, since notifications may have been
/// missed. Between a commit on one instance and its notification reaching another there is the
/// delivery time of one local message (well under a millisecond on one host).
///
/// Started by `serve` (`didBootAsync`); tests start it with `start(_:)`.
final class ChangeListener: LifecycleHandler, Sendable {
    static let channel = "grappe_writes"
    let url: String
    let instance = UUID().uuidString
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(url: String) { self.url = url }

    func didBootAsync(_ app: Application) async throws {
        guard Entry.isServe(app) else { return }
        start(app)
    }

    /// Stops listening and waits for the connection to close.
    func shutdownAsync(_ app: Application) async { await stop()?.value }

    /// Stops listening; the returned task ends once the connection is closed.
    @discardableResult
    func stop() -> Task<Void, Never>? {
        let listening = task.withLockedValue { t in defer { t = nil }; return t }
        listening?.cancel()
        return listening
    }

    /// Listens until stopped; reconnects a second after a loss.
    func start(_ app: Application) {
        guard let board = app.changeBoard else { return }
        let url = url, instance = instance, logger = app.logger
        task.withLockedValue { task in
            guard task == nil else { return }
            task = Task {
                while !Task.isCancelled {
                    do {
                        let configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
                        let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
                        defer { Task { try? await connection.close() } }
                        try await connection.listen(on: Self.channel) { notifications in
                            board.hearing(true) { kind in
                                let payload = "\(instance) \(kind.rawValue)"
                                Task { _ = try? await connection.query("SELECT pg_notify(\(Self.channel), \(payload))", logger: logger) }
                            }
                            for try await notification in notifications {
                                let fields = notification.payload.split(separator: " ")
                                guard fields.count == 2, fields[0] != instance, let raw = Int(fields[1]) else { continue }
                                board.apply(WriteKind(rawValue: raw))
                            }
                        }
                    } catch {
                        if !Task.isCancelled { logger.warning("Écoute des écritures des autres instances interrompue : \(error)") }
                    }
                    board.hearing(false, broadcast: nil)
                    try? await Task.sleep(nanoseconds: 1_000_000_000)
                }
            }
        }
    }
}

extension Application {
    private struct ChangeListenerKey: StorageKey { typealias Value = ChangeListener }

    /// PostgreSQL only (nil on SQLite).
    var changeListener: ChangeListener? {
        get { storage[ChangeListenerKey.self] }
        set { storage[ChangeListenerKey.self] = newValue }
    }
}
