import Foundation
import GrappeDomain

/// What a snapshot says in CTFd's words: the rows of the scoreboard, the top-N series, teams
/// and players with their scores.
extension CTFSnapshot {
    /// The challenges a team sees, in board order.
    func openChallenges(solved: Set<Int>, at now: Date) -> [Challenge] {
        challenges.values.filter { isOpen($0, solved: solved, at: now) }
            .sorted { ($0.position, $0.category, $0.name, $0.id) < ($1.position, $1.category, $1.name, $1.id) }
    }

    /// The freeze players see now, as a cache key: the bodies drawn before and after it differ.
    func cutoffKey(at now: Date) -> String {
        edition.schedule.boardCutoff(edition.status, at: now, staff: false).map { String($0.timeIntervalSince1970) } ?? "live"
    }

    func bracketName(_ id: Int?) -> String? { id.flatMap { b in brackets.first { $0.id == b }?.name } }

    /// Each counted team's row on the board players see now.
    func positions(at now: Date) -> [Int: Standings.Row] {
        Dictionary(uniqueKeysWithValues: rows(at: now, staff: false).map { ($0.teamID, $0) })
    }

    func playerScore(_ playerID: Int) -> Int { playerScores[playerID] ?? 0 }

    func members(of teamID: Int) -> [Player] { membersByTeam[teamID] ?? [] }

    func standing(_ r: Standings.Row, position: Int) -> CTFd.Standing {
        let t = teams[r.teamID]
        return CTFd.Standing(pos: position, account_id: r.teamID, account_url: "/teams/\(r.teamID)", oauth_id: nil, name: t?.name ?? "",
                             score: r.score, bracket_id: t?.bracketID, bracket_name: bracketName(t?.bracketID),
                             members: members(of: r.teamID).map {
                                 CTFd.Member(id: $0.id, oauth_id: nil, name: $0.pseudonym, score: playerScore($0.id),
                                             bracket_id: t?.bracketID, bracket_name: bracketName(t?.bracketID))
                             })
    }

    func topEntry(_ r: Standings.Row, at now: Date) -> CTFd.TopEntry {
        let t = teams[r.teamID]
        let cutoff = edition.schedule.boardCutoff(edition.status, at: now, staff: false)
        let before = { (at: Date) in cutoff.map { at < $0 } ?? true }
        let solved = solves.filter { s in s.teamID == r.teamID && before(s.at) }
            .map { s in CTFd.TopSolve(challenge_id: s.challengeID, account_id: r.teamID, team_id: r.teamID, user_id: nil,
                                      value: values[s.challengeID] ?? 0, date: CTFd.date(s.at)) }
        let awarded = awards.filter { a in a.teamID == r.teamID && before(a.at) }
            .map { a in CTFd.TopSolve(challenge_id: nil, account_id: r.teamID, team_id: r.teamID, user_id: nil, value: a.value, date: CTFd.date(a.at)) }
        return CTFd.TopEntry(id: r.teamID, account_url: "/teams/\(r.teamID)", name: t?.name ?? "", score: r.score,
                             bracket_id: t?.bracketID, bracket_name: bracketName(t?.bracketID),
                             solves: (solved + awarded).sorted { $0.date < $1.date })
    }

    func team(_ t: Team, affiliation: String?, board: [Int: Standings.Row]) -> CTFd.Team {
        CTFd.Team(id: t.id, name: t.name, affiliation: affiliation, bracket_id: t.bracketID, bracket_name: bracketName(t.bracketID),
                  members: members(of: t.id).map(\.id), score: board[t.id]?.score ?? 0, place: board[t.id]?.position)
    }
}

extension ChallengeScoring {
    /// CTFd's challenge type: « standard » for a fixed value, « dynamic » for a decaying one.
    var ctfdType: String { if case .fixed = self { "standard" } else { "dynamic" } }
}
