import Foundation
import NIOConcurrencyHelpers
import Vapor

/// PDF generations and freezes started from the staff pages, run in the background so that
/// the page can show where they stand. Kept in memory for an hour, per instance (the page that
/// follows a job polls the instance that started it; a job lost with its instance is started
/// again by a click). Stopping the application cancels the jobs still running and waits for them.
final class ReportJobs: LifecycleHandler, Sendable {
    enum JobState: Sendable, Equatable {
        case running(String)
        case done(pdf: Data?, note: String)
        case failed(String)
    }

    struct Job: Sendable {
        let id: String
        let year: Int
        let freeze: Bool
        let userID: UUID
        let started: Date
        var state: JobState
    }

    private struct State {
        var jobs: [String: Job] = [:]
        var tasks: [String: Task<Void, Never>] = [:]
    }

    private let state = NIOLockedValueBox(State())

    /// A new job, or the one this person already has running for the same year and purpose
    /// (a second click does not start a second engine). `isNew` says which.
    func start(year: Int, freeze: Bool, userID: UUID) -> (job: Job, isNew: Bool) {
        state.withLockedValue { s in
            s.jobs = s.jobs.filter { Date().timeIntervalSince($0.value.started) < 3600 }
            if let running = s.jobs.values.first(where: {
                guard case .running = $0.state else { return false }
                return $0.userID == userID && $0.year == year && $0.freeze == freeze
            }) { return (running, false) }
            let job = Job(id: Tokens.random(bytes: 16), year: year, freeze: freeze, userID: userID, started: Date(), state: .running("Calcul des chiffres à partir des données…"))
            s.jobs[job.id] = job
            return (job, true)
        }
    }

    /// Runs `work` for a job started by `start`, in the background.
    func run(_ job: Job, _ work: @escaping @Sendable () async -> Void) {
        let id = job.id
        state.withLockedValue { s in
            s.tasks[id] = Task.detached { [weak self] in
                await work()
                self?.state.withLockedValue { _ = $0.tasks.removeValue(forKey: id) }
            }
        }
    }

    func update(_ id: String, _ jobState: JobState) { state.withLockedValue { $0.jobs[id]?.state = jobState } }

    func job(_ id: String) -> Job? { state.withLockedValue { $0.jobs[id] } }

    func shutdownAsync(_ application: Application) async {
        let running = state.withLockedValue { s in
            defer { s.tasks = [:] }
            return Array(s.tasks.values)
        }
        for task in running { task.cancel() }
        for task in running { await task.value }
    }
}

extension Application {
    private struct ReportJobsKey: StorageKey { typealias Value = ReportJobs }

    var reportJobs: ReportJobs {
        get {
            guard let jobs = storage[ReportJobsKey.self] else { fatalError("reportJobs read before configure()") }
            return jobs
        }
        set { storage[ReportJobsKey.self] = newValue }
    }
}
