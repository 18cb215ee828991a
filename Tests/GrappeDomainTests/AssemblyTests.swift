import Foundation
import Testing
@testable import GrappeDomain

@Suite struct AssemblyTests {
    @Test func quorumCountsPresentAndRepresented() {
        let q = AssemblyRules.Quorum(voters: 83, present: 30, represented: 12, percent: 50)
        #expect(q.needed == 42)
        #expect(q.counted == 42)
        #expect(q.reached)
        #expect(!AssemblyRules.Quorum(voters: 83, present: 30, represented: 11, percent: 50).reached)
        #expect(AssemblyRules.Quorum(voters: 10, present: 3, represented: 0, percent: 25).needed == 3)
        #expect(!AssemblyRules.Quorum(voters: 0, present: 0, represented: 0, percent: 50).reached, "no voter, no quorum")
    }

    @Test func proxies() throws {
        let a = UUID(), b = UUID()
        try AssemblyRules.checkProxy(giver: a, holder: b, holderPresent: true, carried: 1, maxPerHolder: 2)
        #expect(throws: AssemblyRules.ProxyProblem.tooMany(max: 2)) {
            try AssemblyRules.checkProxy(giver: a, holder: b, holderPresent: true, carried: 2, maxPerHolder: 2)
        }
        #expect(throws: AssemblyRules.ProxyProblem.holderNotPresent) {
            try AssemblyRules.checkProxy(giver: a, holder: b, holderPresent: false, carried: 0, maxPerHolder: 2)
        }
        #expect(throws: AssemblyRules.ProxyProblem.selfProxy) {
            try AssemblyRules.checkProxy(giver: a, holder: a, holderPresent: true, carried: 0, maxPerHolder: 2)
        }
    }

    @Test func votes() throws {
        try AssemblyRules.checkVote(forVotes: 30, against: 5, abstentions: 7, voters: 42)
        #expect(throws: AssemblyRules.VoteProblem.moreVotesThanVoters(votes: 43, voters: 42)) {
            try AssemblyRules.checkVote(forVotes: 31, against: 5, abstentions: 7, voters: 42)
        }
        #expect(throws: AssemblyRules.VoteProblem.negative) { try AssemblyRules.checkVote(forVotes: -1, against: 0, abstentions: 0, voters: 1) }
        #expect(AssemblyRules.adopted(forVotes: 20, against: 19))
        #expect(!AssemblyRules.adopted(forVotes: 10, against: 10))
    }
}
