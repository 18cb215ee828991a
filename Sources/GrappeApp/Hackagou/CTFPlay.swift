import Fluent
import Foundation
import GrappeDomain
import Vapor

/// Judging a flag submission, the same for the player's page and the API: the edition's
/// snapshot answers everything it can in memory (not running, unknown or locked challenge,
/// already solved, rate limit, the flag itself); only the attempts to record reach the
/// database, through `AttemptDesk`.
enum CTFPlay {
    enum Refusal: Error, Equatable {
        /// The submission itself is refused (empty, too long, control characters).
        case invalid(Submission.Problem)
        /// No such challenge for this team (unknown, hidden, or prerequisites not solved).
        case notFound
        /// The team is banned.
        case banned
    }

    static func submit(_ raw: String, challengeID: Int, player: CTFPlayerIdentity, app: Application, ip: String, now: Date) async throws -> Result<AttemptVerdict, Refusal> {
        let submission: String
        switch Submission.clean(raw) {
        case .success(let s): submission = s
        case .failure(let problem): return .failure(.invalid(problem))
        }
        guard let snap = try await app.ctfBoards.snapshot(player.editionID, app: app),
              let challenge = snap.challenges[challengeID] else { return .failure(.notFound) }
        guard let team = snap.teams[player.teamID], !team.banned else { return .failure(.banned) }
        var solved = snap.solved(by: player.teamID)
        if !snap.isOpen(challenge, solved: solved, at: now), !challenge.requirements.isSubset(of: solved) {
            // A prerequisite may have been solved since the snapshot: ask the database.
            solved = try await CTFSnapshot.solvedNow(by: player.teamID, on: app.db)
        }
        guard snap.isOpen(challenge, solved: solved, at: now) else { return .failure(.notFound) }
        let withinRate = app.ctfAttemptLimiter.allow("\(player.playerID):\(challengeID)", now: now)
        if let early = AttemptRule.precheck(running: snap.edition.schedule.acceptsSubmissions(snap.edition.status, at: now),
                                            alreadySolved: solved.contains(challengeID), attemptsUsed: 0, maxAttempts: challenge.maxAttempts,
                                            withinRate: withinRate) {
            return .success(early)
        }
        let correct = challenge.flags.contains { $0.matches(submission) }
        let attempt = AttemptDesk.Attempt(editionID: player.editionID, challengeID: challengeID, teamID: player.teamID, playerID: player.playerID,
                                          submission: submission, correct: correct, maxAttempts: challenge.maxAttempts, ip: ip, at: now)
        return .success(try await app.attemptDesk.record(attempt, app: app))
    }
}

extension Application {
    private struct CTFAttemptLimiterKey: StorageKey { typealias Value = RateLimiter }

    /// Flag submissions per player and challenge. Per instance: behind two instances a player
    /// may get up to twice the rate, which still stops a brute force.
    var ctfAttemptLimiter: RateLimiter {
        get {
            guard let limiter = storage[CTFAttemptLimiterKey.self] else { fatalError("ctfAttemptLimiter read before configure()") }
            return limiter
        }
        set { storage[CTFAttemptLimiterKey.self] = newValue }
    }
}
