import Fluent
import Foundation
import GrappeDomain

/// A seat on the board or the bureau: who, for which company, which role, elected when, until when.
final class Mandate: Model, @unchecked Sendable {
    static let schema = "mandates"

    @ID(key: .id) var id: UUID?
    @Parent(key: "group_id") var group: Group
    @Parent(key: "person_id") var person: Person
    @OptionalParent(key: "company_id") var company: Company?
    /// For an honorary member that is an organisation (« La CCI »), its name.
    @Field(key: "holder_label") var holderLabel: String
    @Enum(key: "role") var role: MandateRole
    @Field(key: "rank") var rank: Int
    @Field(key: "elected_on") var electedOn: Date
    @Field(key: "term_years") var termYears: Int
    @Field(key: "ends_on") var endsOn: Date
    @Field(key: "voting") var voting: Bool

    init() {}

    init(groupID: UUID, personID: UUID, companyID: UUID?, role: MandateRole, rank: Int = 0, electedOn: Date,
         termYears: Int = MandateTerm.defaultYears, holderLabel: String = "") {
        self.$group.id = groupID
        self.$person.id = personID
        self.$company.id = companyID
        self.holderLabel = holderLabel
        self.role = role
        self.rank = rank
        self.electedOn = electedOn
        self.termYears = termYears
        self.endsOn = MandateTerm.end(electedOn: electedOn, years: termYears)
        self.voting = role.votes
    }
}
