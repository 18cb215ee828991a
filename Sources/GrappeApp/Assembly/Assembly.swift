import Fluent
import Foundation

/// The general-assembly side of an event: quorum and proxy rules, convocation, attendance, votes.
final class Assembly: Model, @unchecked Sendable {
    static let schema = "assemblies"

    @ID(key: .id) var id: UUID?
    @Parent(key: "event_id") var event: ClusterEvent
    /// Share of the voting members that must be present or represented (statutes).
    @Field(key: "quorum_percent") var quorumPercent: Int
    /// Proxies (pouvoirs) one present member may carry.
    @Field(key: "max_proxies") var maxProxies: Int
    @OptionalField(key: "convened_at") var convenedAt: Date?

    init() {}

    init(eventID: UUID, quorumPercent: Int = 50, maxProxies: Int = 2) {
        self.$event.id = eventID
        self.quorumPercent = quorumPercent
        self.maxProxies = maxProxies
    }
}

/// A voting member at the assembly: present, or represented by another member's holder.
final class AssemblyAttendance: Model, @unchecked Sendable {
    static let schema = "assembly_attendances"

    enum Status: String, Codable, CaseIterable, Sendable {
        case present, represented
        var label: String { self == .present ? "Présent" : "Représenté" }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "assembly_id") var assembly: Assembly
    @Parent(key: "company_id") var company: Company
    @Enum(key: "status") var status: Status
    @OptionalParent(key: "proxy_company_id") var proxy: Company?

    init() {}

    init(assemblyID: UUID, companyID: UUID, status: Status, proxyID: UUID?) {
        self.$assembly.id = assemblyID
        self.$company.id = companyID
        self.status = status
        self.$proxy.id = proxyID
    }
}

/// A resolution put to the vote, with its counts.
final class Resolution: Model, @unchecked Sendable {
    static let schema = "resolutions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "assembly_id") var assembly: Assembly
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: String
    @Field(key: "votes_for") var votesFor: Int
    @Field(key: "votes_against") var votesAgainst: Int
    @Field(key: "abstentions") var abstentions: Int

    init() {}

    init(assemblyID: UUID, position: Int, title: String, votesFor: Int, votesAgainst: Int, abstentions: Int) {
        self.$assembly.id = assemblyID
        self.position = position
        self.title = title
        self.votesFor = votesFor
        self.votesAgainst = votesAgainst
        self.abstentions = abstentions
    }
}
