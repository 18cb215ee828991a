import Fluent
import Foundation
import GrappeDomain

/// What a meeting's page shows, read by `load` and drawn by `MeetingView`: the meeting, its
/// group (nil for a meeting with an institution), and the people to mark present, excused or
/// absent with their marks so far.
struct MeetingPage: Sendable {
    let meeting: Meeting
    let group: Group?
    /// The group's members and anyone already marked, sorted by name.
    let people: [Person]
    let statuses: [UUID: AttendanceStatus]

    static func load(_ db: any Database, meeting: Meeting, group: Group?) async throws -> MeetingPage {
        let meetingID = try meeting.requireID()
        let attendance = try await Attendance.query(on: db).filter(\.$meeting.$id == meetingID).with(\.$person).all()
        var invited: [Person] = []
        if let group {
            invited = try await GroupMember.query(on: db).filter(\.$group.$id == group.requireID()).filter(\.$status == .member)
                .with(\.$person).all().map(\.person)
        }
        let known = Set(invited.compactMap(\.id))
        invited += attendance.map(\.person).filter { !known.contains($0.id!) }
        invited.sort { ($0.lastName, $0.firstName) < ($1.lastName, $1.firstName) }
        return MeetingPage(meeting: meeting, group: group, people: invited,
                           statuses: Dictionary(attendance.map { ($0.$person.id, $0.status) }, uniquingKeysWith: { a, _ in a }))
    }
}
