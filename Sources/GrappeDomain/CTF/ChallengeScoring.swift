import Foundation

/// How many points a challenge is worth, given how many teams solved it: CTFd's three kinds, so
/// that a `challenge.yml` written for CTFd scores the same here. Dynamic values are retroactive:
/// the standings always use the current value, so earlier solvers' scores drop too.
public enum ChallengeScoring: Sendable, Equatable {
    /// The same value whoever solves it.
    case fixed(Int)
    /// `initial − decay · x`, where x counts the solves after the first.
    case linear(initial: Int, decay: Int, minimum: Int)
    /// CTFd's « logarithmic » decay, in fact a parabola reaching `minimum` after `decay` solves.
    case logarithmic(initial: Int, decay: Int, minimum: Int)

    public var kind: String {
        switch self {
        case .fixed: "static"
        case .linear: "linear"
        case .logarithmic: "logarithmic"
        }
    }

    /// The initial value, shown to authors and to players before any solve.
    public var initial: Int {
        switch self {
        case .fixed(let v), .linear(let v, _, _), .logarithmic(let v, _, _): v
        }
    }

    /// The value when `solves` teams (neither hidden nor banned) have solved the challenge.
    public func value(solves: Int) -> Int {
        let x = Double(max(solves - 1, 0))
        switch self {
        case .fixed(let value):
            return value
        case .linear(let initial, let decay, let minimum):
            return max(Int((Double(initial) - Double(decay) * x).rounded(.up)), minimum)
        case .logarithmic(let initial, let decay, let minimum):
            let d = Double(max(decay, 1))
            let v = (Double(minimum - initial) / (d * d)) * x * x + Double(initial)
            return max(Int(v.rounded(.up)), minimum)
        }
    }

    /// Why these parameters cannot score a challenge, in French; nil when they can.
    public var problem: String? {
        switch self {
        case .fixed(let value):
            return (0...100_000).contains(value) ? nil : "La valeur doit être comprise entre 0 et 100 000 points."
        case .linear(let initial, let decay, let minimum), .logarithmic(let initial, let decay, let minimum):
            guard (1...100_000).contains(initial) else { return "La valeur initiale doit être comprise entre 1 et 100 000 points." }
            guard (0...initial).contains(minimum) else { return "La valeur minimale doit être comprise entre 0 et la valeur initiale." }
            guard (0...100_000).contains(decay) else { return "La décroissance doit être comprise entre 0 et 100 000." }
            return nil
        }
    }
}
