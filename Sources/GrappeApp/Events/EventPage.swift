import Fluent
import Foundation
import GrappeDomain

/// What an event's page shows, read by `load` and drawn by `EventView.page`: the event, its
/// host, its registrations (counted), and the reader's own registration.
struct EventPage: Sendable {
    let event: ClusterEvent
    let host: Company?
    let registrations: [Registration]
    let confirmed: Int
    let waiting: Int
    /// The reader's registration, when they have one not cancelled.
    let mine: Registration?

    /// `readerEmail`: the signed-in reader's address, nil for a visitor.
    static func load(_ db: any Database, event: ClusterEvent, readerEmail: String?) async throws -> EventPage {
        let registrations = try await Registration.query(on: db).filter(\.$event.$id == event.requireID()).sort(\.$createdAt).all()
        let mine = readerEmail.flatMap { email in registrations.first { $0.email == email && $0.status != .cancelled } }
        return EventPage(event: event, host: try await event.$host.get(on: db), registrations: registrations,
                         confirmed: registrations.filter { $0.status == .confirmed }.count,
                         waiting: registrations.filter { $0.status == .waitlisted }.count, mine: mine)
    }
}
