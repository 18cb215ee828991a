import Foundation
import Vapor

/// PDF generations and freezes started from the staff pages, run in the background so that
/// the page can show where they stand. Kept in memory for an hour.
final class ReportJobs: @unchecked Sendable {
    enum State: Sendable, Equatable {
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
        var state: State
    }

    private var jobs: [String: Job] = [:]
    private let lock = NSLock()

    /// A new job, or the one this person already has running for the same year and purpose
    /// (a second click does not start a second engine). `isNew` says which.
    func start(year: Int, freeze: Bool, userID: UUID) -> (job: Job, isNew: Bool) {
        lock.withLock {
            jobs = jobs.filter { Date().timeIntervalSince($0.value.started) < 3600 }
            if let running = jobs.values.first(where: {
                guard case .running = $0.state else { return false }
                return $0.userID == userID && $0.year == year && $0.freeze == freeze
            }) { return (running, false) }
            let job = Job(id: Tokens.random(bytes: 16), year: year, freeze: freeze, userID: userID, started: Date(), state: .running("Calcul des chiffres à partir des données…"))
            jobs[job.id] = job
            return (job, true)
        }
    }

    func update(_ id: String, _ state: State) { lock.withLock { jobs[id]?.state = state } }

    func job(_ id: String) -> Job? { lock.withLock { jobs[id] } }
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
