import Fluent
import Foundation
import GrappeDomain

/// What the governance page shows for a year, read by `load` and drawn by `GovernanceView`:
/// the board and the bureau with their mandates, their meetings per month, the meetings with
/// institutions, and (for staff) the people one may record a mandate for.
struct GovernancePage: Sendable {
    let year: Int
    let groups: [Group]
    let mandates: [Mandate]
    /// Meetings held by the board and the bureau, January to December.
    let perMonth: [Int]
    /// Meetings per institution.
    let institutions: [(String, Int)]
    let institutionMeetings: [Meeting]
    /// Staff only: the choices of the mandate form.
    let people: [Person]

    static func load(_ db: any Database, organisationID orgID: UUID, year: Int, staff: Bool) async throws -> GovernancePage {
        let groups = try await Group.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$kind ~~ [.board, .bureau]).all()
        let groupIDs = try groups.map { try $0.requireID() }
        let mandates = groupIDs.isEmpty ? [] : try await Mandate.query(on: db).filter(\.$group.$id ~~ groupIDs)
            .with(\.$person).with(\.$company).all()
        let held = try await GroupQueries.heldMeetings(db, organisationID: orgID, year: year).filter { $0.groupID.map(groupIDs.contains) ?? false }
        let institutions = try await GroupQueries.institutionCounts(db, organisationID: orgID, year: year)
        let (from, to) = FrenchDate.yearBounds(year)
        let institutionMeetings = try await Meeting.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$group.$id == nil)
            .filter(\.$startsAt >= from).filter(\.$startsAt < to).sort(\.$startsAt).all()
        let people = staff ? try await Person.query(on: db).filter(\.$organisation.$id == orgID).all().sortedInFrench { $0.lastName + " " + $0.firstName } : []
        return GovernancePage(year: year, groups: groups, mandates: mandates, perMonth: MeetingStats.perMonth(held.map(\.startsAt), year: year),
                              institutions: institutions, institutionMeetings: institutionMeetings, people: people)
    }
}
