import Foundation

/// A CTF scoreboard computed from its solves and awards. Values are the challenges' current
/// ones (dynamic scoring is retroactive); ties go to whoever reached the score first, as CTFd
/// does; only teams that scored something appear.
public enum Standings {
    public struct Solve: Sendable, Equatable {
        public let teamID: Int
        public let challengeID: Int
        public let at: Date
        public init(teamID: Int, challengeID: Int, at: Date) { self.teamID = teamID; self.challengeID = challengeID; self.at = at }
    }

    /// A bonus, a penalty or the cost of an unlocked hint (negative).
    public struct Award: Sendable, Equatable {
        public let teamID: Int
        public let value: Int
        public let at: Date
        public init(teamID: Int, value: Int, at: Date) { self.teamID = teamID; self.value = value; self.at = at }
    }

    public struct Row: Sendable, Equatable {
        public let position: Int
        public let teamID: Int
        public let score: Int
        public let solves: Int
        /// When the team reached its score: its last solve or award.
        public let reachedAt: Date
    }

    /// The value of each challenge given who solved it (teams in `counted` only: hidden and
    /// banned teams do not lower a dynamic value).
    public static func values(scoring: [Int: ChallengeScoring], solves: [Solve], counted: Set<Int>) -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for s in solves where counted.contains(s.teamID) { counts[s.challengeID, default: 0] += 1 }
        return scoring.reduce(into: [:]) { values, entry in values[entry.key] = entry.value.value(solves: counts[entry.key] ?? 0) }
    }

    /// The ranked rows of the teams in `counted`, with solves and awards up to `cutoff` (the
    /// freeze) when one is given.
    public static func rank(values: [Int: Int], solves: [Solve], awards: [Award], counted: Set<Int>, cutoff: Date? = nil) -> [Row] {
        struct Tally { var score = 0, solves = 0, reachedAt = Date.distantPast }
        var tallies: [Int: Tally] = [:]
        for s in solves where counted.contains(s.teamID) && (cutoff.map { s.at < $0 } ?? true) {
            var t = tallies[s.teamID, default: Tally()]
            t.score += values[s.challengeID] ?? 0
            t.solves += 1
            t.reachedAt = max(t.reachedAt, s.at)
            tallies[s.teamID] = t
        }
        for a in awards where counted.contains(a.teamID) && (cutoff.map { a.at < $0 } ?? true) {
            var t = tallies[a.teamID, default: Tally()]
            t.score += a.value
            t.reachedAt = max(t.reachedAt, a.at)
            tallies[a.teamID] = t
        }
        let ordered = tallies.sorted { l, r in
            if l.value.score != r.value.score { return l.value.score > r.value.score }
            if l.value.reachedAt != r.value.reachedAt { return l.value.reachedAt < r.value.reachedAt }
            return l.key < r.key
        }
        return ordered.enumerated().map { i, e in
            Row(position: i + 1, teamID: e.key, score: e.value.score, solves: e.value.solves, reachedAt: e.value.reachedAt)
        }
    }

    /// The first solver of each challenge (first blood), among counted teams.
    public static func firstBloods(_ solves: [Solve], counted: Set<Int>) -> [Int: Solve] {
        var first: [Int: Solve] = [:]
        for s in solves where counted.contains(s.teamID) {
            if let f = first[s.challengeID], (f.at, f.teamID) <= (s.at, s.teamID) { continue }
            first[s.challengeID] = s
        }
        return first
    }

    /// A team's score after each of its solves and awards, in time order, for the score graph.
    public static func progression(teamID: Int, values: [Int: Int], solves: [Solve], awards: [Award], cutoff: Date? = nil) -> [(at: Date, score: Int)] {
        let events = solves.filter { $0.teamID == teamID }.map { ($0.at, values[$0.challengeID] ?? 0) }
            + awards.filter { $0.teamID == teamID }.map { ($0.at, $0.value) }
        var score = 0
        return events.filter { e in cutoff.map { e.0 < $0 } ?? true }.sorted { $0.0 < $1.0 }.map { e in
            score += e.1
            return (e.0, score)
        }
    }
}
