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

    /// `teams`: each team's bracket name (nil without one) and whether that bracket is a student one.
    public init(year: Int, players: [Player], teams: [(bracket: String?, student: Bool)], brackets: [String]) {
        self.players = players.count
        playersOnSite = players.filter(\.onSite).count
        self.teams = teams.count
        studentTeams = teams.filter(\.student).count
        teamsPerBracket = brackets.map { b in (b, teams.filter { $0.bracket == b }.count) }
        let counted = players.filter(\.statisticsConsent)
        averageAge = counted.isEmpty ? nil : Int((Double(counted.reduce(0) { $0 + (year - $1.birthYear) }) / Double(counted.count)).rounded())
        womenPercent = counted.isEmpty ? nil : Int((100 * Double(counted.filter { $0.gender == .female }.count) / Double(counted.count)).rounded())
    }
}
