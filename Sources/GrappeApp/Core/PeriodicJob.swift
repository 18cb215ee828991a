import Fluent
import NIOConcurrencyHelpers
import Vapor

/// A background job repeated every `interval` seconds while the server runs (`serve` only:
/// never in tests or one-off commands). Errors are logged and the loop goes on. Stopping the
/// application cancels the loop and waits for the round in progress to end.
final class PeriodicJob: LifecycleHandler, Sendable {
    let label: String
    let interval: @Sendable (Application) -> Double
    let enabled: @Sendable (Application) -> Bool
    let work: @Sendable (Application) async throws -> Void
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(_ label: String, every interval: @escaping @Sendable (Application) -> Double,
         enabled: @escaping @Sendable (Application) -> Bool = { _ in true },
         work: @escaping @Sendable (Application) async throws -> Void) {
        self.label = label
        self.interval = interval
        self.enabled = enabled
        self.work = work
    }

    func didBootAsync(_ app: Application) async throws {
        guard Entry.isServe(app), enabled(app) else { return }
        let seconds = interval(app)
        let loop = Task { [label, work] in
            while !Task.isCancelled {
                do { try await work(app) } catch { app.logger.error("\(label) : \(error)") }
                try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
            }
        }
        task.withLockedValue { $0 = loop }
    }

    func shutdownAsync(_ app: Application) async {
        guard let loop = task.withLockedValue({ t in defer { t = nil }; return t }) else { return }
        loop.cancel()
        await loop.value
    }
}

extension PeriodicJob {
    /// Every background job of Grappe.
    static func all() -> [PeriodicJob] { [
        PeriodicJob("Boîte d'envoi", every: { $0.config.mailWorkerInterval }, enabled: { app in
            if app.config.mail != .store { return true }
            app.logger.info("Courriels : conservés dans la boîte d'envoi (MAIL_TRANSPORT=store).")
            return false
        }, work: { try await MailDelivery.deliverBatch(app: $0) }),
        PeriodicJob("Rappels d'événements", every: { _ in 15 * 60 }, work: { try await RegistrationService.queueReminders(app: $0, now: $0.now) }),
        PeriodicJob("Rappels de diagnostics", every: { _ in 15 * 60 }, work: { try await DiagnosticReminders.queue(app: $0, now: $0.now) }),
        PeriodicJob("Renouvellement (rappels et non-renouvellements)", every: { _ in 3600 }, work: { try await RenewalLapse.run(app: $0, now: $0.now) }),
        PeriodicJob("Vivier (conservation)", every: { _ in 3600 }, work: { app in
            try await CandidateService.purgeExpired(app: app, now: app.now)
            try await CTFProfileSharing.purgeExpired(app.db, now: app.now, logger: app.logger)
        }),
        PeriodicJob("Diagnostics (conservation)", every: { _ in 3600 }, work: { app in
            try await DiagnosticContactPrivacy.eraseExpired(app.db, now: app.now, logger: app.logger)
        }),
    ] }
}
