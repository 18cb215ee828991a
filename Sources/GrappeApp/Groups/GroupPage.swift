import Fluent
import Foundation
import GrappeDomain

/// What a group's page shows from the inside for a year, read by `load` and drawn by
/// `GroupView.page`: its members, the requests to join (for who runs it), its meetings, its
/// figures, and the people a manager may add.
struct GroupPage: Sendable {
    let group: Group
    let year: Int
    /// Every member, sorted by name (the view lists one page of them).
    let members: [GroupMember]
    /// Pending requests to join: only for who runs the group.
    let requests: [GroupMember]
    let meetings: [Meeting]
    let stats: GroupYearStats
    /// Whom a manager may add, nil when they are too many to list (`PersonPicker`).
    let people: [(id: UUID, name: String)]?

    static func load(_ db: any Database, group: Group, organisationID orgID: UUID, year: Int, manage: Bool) async throws -> GroupPage {
        let groupID = try group.requireID()
        let everyone = try await GroupMember.query(on: db).filter(\.$group.$id == groupID).with(\.$person).all()
            .sorted { $0.person.lastName < $1.person.lastName }
        let (from, to) = FrenchDate.yearBounds(year)
        let meetings = try await Meeting.query(on: db).filter(\.$group.$id == groupID)
            .filter(\.$startsAt >= from).filter(\.$startsAt < to).sort(\.$startsAt).all()
        let stats = try await GroupQueries.stats(db, organisationID: orgID, year: year)[groupID] ?? GroupYearStats()
        var people: [(id: UUID, name: String)]? = nil
        if manage, try await Person.query(on: db).filter(\.$organisation.$id == orgID).count() <= PersonPicker.listLimit {
            people = try await Person.query(on: db).filter(\.$organisation.$id == orgID).all().sortedInFrench { $0.lastName + " " + $0.firstName }
                .map { (try $0.requireID(), "\($0.lastName) \($0.firstName)") }
        }
        return GroupPage(group: group, year: year, members: everyone.filter { $0.status == .member },
                         requests: manage ? everyone.filter { $0.status == .pending } : [], meetings: meetings, stats: stats, people: people)
    }
}
