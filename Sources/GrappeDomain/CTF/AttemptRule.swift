import Foundation

/// The answer to a flag submission, with CTFd's status words (its API clients read them).
public enum AttemptVerdict: String, Sendable, Codable, CaseIterable {
    case correct
    case incorrect
    case alreadySolved = "already_solved"
    case rateLimited = "ratelimited"
    /// The edition does not take submissions now (CTFd's « paused »).
    case paused
    /// No attempts left on this challenge.
    case exhausted

    /// The status word of CTFd's API: an exhausted challenge answers « incorrect », as CTFd does.
    public var ctfdStatus: String { self == .exhausted ? "incorrect" : rawValue }

    /// Whether the attempt counts against the challenge's maximum and is kept in the log.
    public var isCounted: Bool { self == .correct || self == .incorrect }

    public var french: String {
        switch self {
        case .correct: "Bravo, flag correct !"
        case .incorrect: "Flag incorrect."
        case .alreadySolved: "Votre équipe a déjà résolu ce défi."
        case .rateLimited: "Trop de tentatives : attendez quelques secondes."
        case .paused: "La compétition n'est pas en cours."
        case .exhausted: "Votre équipe n'a plus de tentative sur ce défi."
        }
    }

    public var english: String {
        switch self {
        case .correct: "Correct"
        case .incorrect: "Incorrect"
        case .alreadySolved: "You already solved this"
        case .rateLimited: "You're submitting flags too fast. Slow down."
        case .paused: "The CTF is not running"
        case .exhausted: "You have 0 tries remaining"
        }
    }
}

/// The order in which a submission is judged, before and after its flag is compared.
public enum AttemptRule {
    /// What to answer without looking at the flag, or nil to compare it.
    public static func precheck(running: Bool, alreadySolved: Bool, attemptsUsed: Int, maxAttempts: Int, withinRate: Bool) -> AttemptVerdict? {
        if !running { return .paused }
        if alreadySolved { return .alreadySolved }
        if !withinRate { return .rateLimited }
        if maxAttempts > 0 && attemptsUsed >= maxAttempts { return .exhausted }
        return nil
    }

    /// Whether a challenge is open to a team: visible (or scheduled and due) and every
    /// prerequisite solved.
    public static func isOpen(visible: Bool, visibleFrom: Date?, requirements: Set<Int>, solved: Set<Int>, at now: Date) -> Bool {
        guard visible || (visibleFrom.map { now >= $0 } ?? false) else { return false }
        return requirements.isSubset(of: solved)
    }
}
