/// A team's attempts on one challenge: the unit that attempt counters and solves are kept by.
public struct AttemptKey: Hashable, Sendable, Comparable {
    public let challengeID: Int
    public let teamID: Int

    public init(challengeID: Int, teamID: Int) {
        self.challengeID = challengeID
        self.teamID = teamID
    }

    public static func < (l: AttemptKey, r: AttemptKey) -> Bool { (l.challengeID, l.teamID) < (r.challengeID, r.teamID) }
}

/// Judges a batch of flag submissions against what the database holds (attempts used and solves
/// per team and challenge), in arrival order: the rules of one attempt, applied to many at once,
/// so that a batch is read in one statement and written in a few.
///
/// An attempt is counted unless its team already solved the challenge or used every attempt;
/// a counted right flag is a solve, and the team's later attempts in the batch are « already
/// solved ». Nothing here knows about SQL: the caller reads the state under a lock that keeps
/// other writers out until it has written the outcome.
public enum AttemptBatch {
    public struct Entry: Sendable, Equatable {
        public let key: AttemptKey
        public let correct: Bool
        /// 0: no maximum.
        public let maxAttempts: Int

        public init(key: AttemptKey, correct: Bool, maxAttempts: Int) {
            self.key = key
            self.correct = correct
            self.maxAttempts = maxAttempts
        }
    }

    public struct Outcome: Sendable, Equatable {
        /// One per entry, in the entries' order.
        public var verdicts: [AttemptVerdict]
        /// The counters that changed, with their new value.
        public var used: [AttemptKey: Int]
        /// The entries that are new solves (indices into the entries).
        public var solves: [Int]
    }

    public static func judge(_ entries: [Entry], used initialUsed: [AttemptKey: Int], solved initialSolved: Set<AttemptKey>) -> Outcome {
        var used = initialUsed
        var solved = initialSolved
        var outcome = Outcome(verdicts: [], used: [:], solves: [])
        outcome.verdicts.reserveCapacity(entries.count)
        for (i, entry) in entries.enumerated() {
            let count = used[entry.key] ?? 0
            if solved.contains(entry.key) {
                outcome.verdicts.append(.alreadySolved)
            } else if entry.maxAttempts > 0 && count >= entry.maxAttempts {
                outcome.verdicts.append(.exhausted)
            } else {
                used[entry.key] = count + 1
                outcome.used[entry.key] = count + 1
                if entry.correct {
                    solved.insert(entry.key)
                    outcome.solves.append(i)
                    outcome.verdicts.append(.correct)
                } else {
                    outcome.verdicts.append(.incorrect)
                }
            }
        }
        return outcome
    }
}
