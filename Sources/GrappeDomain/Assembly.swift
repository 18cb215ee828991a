import Foundation

/// The rules of a general assembly: who counts, the quorum, proxies and the outcome of a vote.
public enum AssemblyRules {
    /// Members present or represented against the quorum (a share of the voting members).
    public struct Quorum: Equatable, Sendable {
        public let voters: Int
        public let present: Int
        public let represented: Int
        public let percent: Int

        public init(voters: Int, present: Int, represented: Int, percent: Int) {
            self.voters = voters
            self.present = present
            self.represented = represented
            self.percent = percent
        }

        public var counted: Int { present + represented }
        /// Voters needed: the smallest count reaching `percent` % of the voters.
        public var needed: Int { (voters * percent + 99) / 100 }
        public var reached: Bool { voters > 0 && counted >= needed }
    }

    public enum ProxyProblem: Error, Equatable, Sendable, CustomStringConvertible {
        case holderNotPresent
        case tooMany(max: Int)
        case selfProxy

        public var description: String {
            switch self {
            case .holderNotPresent: "Le pouvoir doit être confié à un adhérent présent."
            case .tooMany(let max): "Un adhérent présent ne peut porter plus de \(max) pouvoir\(max > 1 ? "s" : "")."
            case .selfProxy: "Un adhérent ne peut pas se donner pouvoir à lui-même."
            }
        }
    }

    /// Checks that a proxy can be given to `holder`, who already carries `carried` proxies.
    public static func checkProxy(giver: UUID, holder: UUID, holderPresent: Bool, carried: Int, maxPerHolder: Int) throws(ProxyProblem) {
        guard giver != holder else { throw .selfProxy }
        guard holderPresent else { throw .holderNotPresent }
        guard carried < maxPerHolder else { throw .tooMany(max: maxPerHolder) }
    }

    public enum VoteProblem: Error, Equatable, Sendable, CustomStringConvertible {
        case negative
        case moreVotesThanVoters(votes: Int, voters: Int)

        public var description: String {
            switch self {
            case .negative: "Les nombres de voix ne peuvent pas être négatifs."
            case .moreVotesThanVoters(let v, let n): "\(v) voix exprimées pour \(n) votants présents ou représentés."
            }
        }
    }

    /// Checks a vote's counts against the members present or represented.
    public static func checkVote(forVotes: Int, against: Int, abstentions: Int, voters: Int) throws(VoteProblem) {
        guard forVotes >= 0, against >= 0, abstentions >= 0 else { throw .negative }
        let total = forVotes + against + abstentions
        guard total <= voters else { throw .moreVotesThanVoters(votes: total, voters: voters) }
    }

    /// A resolution passes with more votes for than against (abstentions do not count).
    public static func adopted(forVotes: Int, against: Int) -> Bool { forVotes > against }
}
