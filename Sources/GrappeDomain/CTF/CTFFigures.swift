import Foundation

/// An edition's figures as the annual report gives them: players on site, teams, student teams,
/// teams per bracket, average age and share of women. Age and gender count only the players who
/// consented to the statistics.
public struct CTFFigures: Sendable, Equatable {
    public struct Player: Sendable {
        public let birthYear: Int
        public let gender: Gender?
        public let statisticsConsent: Bool
        public let onSite: Bool
        public init(birthYear: Int, gender: Gender?, statisticsConsent: Bool, onSite: Bool) {
            self.birthYear = birthYear
            self.gender = gender
            self.statisticsConsent = statisticsConsent
            self.onSite = onSite
        }
    }

    public let players: Int
    public let playersOnSite: Int
    public let teams: Int
    public let studentTeams: Int
    /// Bracket name → teams, in the brackets' order.
    public let teamsPerBracket: [(name: String, teams: Int)]
    /// Rounded to the year; nil without consenting players.
    public let averageAge: Int?
    /// Whole percent of women among the consenting players; nil without any.
    public let womenPercent: Int?

    public static func == (a: CTFFigures, b: CTFFigures) -> Bool {
        a.players == b.players && a.playersOnSite == b.playersOnSite && a.teams == b.teams && a.studentTeams == b.studentTeams
            && a.teamsPerBracket.map(\.name) == b.teamsPerBracket.map(\.name) && a.teamsPerBracket.map(\.teams) == b.teamsPerBracket.map(\.teams)
            && a.averageAge == b.averageAge && a.womenPercent == b.womenPercent
    }

    /// What SQL counts of an edition's players: all of them, those checked in, those who
    /// consented to the statistics, the sum of the consenting players' ages in the edition's
    /// year, and the consenting women.
    public struct Totals: Sendable, Equatable {
        public let players: Int
        public let onSite: Int
        public let counted: Int
        public let ageSum: Int
        public let women: Int
        public init(players: Int, onSite: Int, counted: Int, ageSum: Int, women: Int) {
            self.players = players
            self.onSite = onSite
            self.counted = counted
            self.ageSum = ageSum
            self.women = women
        }
    }

    /// `teams`: each team's bracket name (nil without one) and whether that bracket is a student one.
    public init(year: Int, players: [Player], teams: [(bracket: String?, student: Bool)], brackets: [String]) {
        let counted = players.filter(\.statisticsConsent)
        self.init(totals: Totals(players: players.count, onSite: players.filter(\.onSite).count, counted: counted.count,
                                 ageSum: counted.reduce(0) { $0 + (year - $1.birthYear) }, women: counted.filter { $0.gender == .female }.count),
                  teams: teams.map { ($0.bracket, $0.student, 1) }, brackets: brackets)
    }

    /// From counts: `teams` gives, per bracket (nil without one), whether it is a student one and
    /// how many teams it has.
    public init(totals t: Totals, teams: [(bracket: String?, student: Bool, count: Int)], brackets: [String]) {
        players = t.players
        playersOnSite = t.onSite
        self.teams = teams.reduce(0) { $0 + $1.count }
        studentTeams = teams.filter(\.student).reduce(0) { $0 + $1.count }
        teamsPerBracket = brackets.map { b in (b, teams.filter { $0.bracket == b }.reduce(0) { $0 + $1.count }) }
        averageAge = t.counted == 0 ? nil : Int((Double(t.ageSum) / Double(t.counted)).rounded())
        womenPercent = t.counted == 0 ? nil : Int((100 * Double(t.women) / Double(t.counted)).rounded())
    }
}
