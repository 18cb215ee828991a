import Fluent
import GrappeDomain
import Vapor

/// Registering, cancelling and promoting from the waiting list, each in one transaction with its
/// emails queued in the outbox.
enum RegistrationService {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func confirmedCount(_ eventID: UUID, on db: any Database) async throws -> Int {
        try await Registration.query(on: db).filter(\.$event.$id == eventID).filter(\.$status == .confirmed).count()
    }

    @discardableResult
    static func register(event: ClusterEvent, personID: UUID?, name: String, email: String, app: Application, on db: any Database) async throws -> Registration {
        guard event.status.acceptsRegistrations else { throw Failure(description: "Les inscriptions à cet événement sont fermées (\(event.status.label.lowercased())).") }
        guard event.endsAt > app.now else { throw Failure(description: "Cet événement est passé.") }
        let eventID = try event.requireID()
        return try await db.transaction { db in
            try await TransactionLock.acquire("event:\(eventID)", on: db)
            let existing = try await Registration.query(on: db).filter(\.$event.$id == eventID).filter(\.$email == email).first()
            if let existing, existing.status != .cancelled { throw Failure(description: "Cette adresse est déjà inscrite (\(existing.status.label.lowercased())).") }
            let status = RegistrationBook.statusForNew(capacity: event.capacity, confirmed: try await confirmedCount(eventID, on: db))
            let registration = existing ?? Registration(eventID: eventID, personID: personID, name: name, email: email, status: status, token: Tokens.random(bytes: 24))
            registration.status = status
            registration.name = name
            try await registration.save(on: db)
            try await notify(registration, event: event, moment: status == .confirmed ? .confirmed : .waitlisted, app: app, on: db)
            return registration
        }
    }

    static func cancel(_ registration: Registration, event: ClusterEvent, app: Application, on db: any Database) async throws {
        guard registration.status != .cancelled else { return }
        try await db.transaction { db in
            try await TransactionLock.acquire("event:\(try event.requireID())", on: db)
            registration.status = .cancelled
            try await registration.save(on: db)
            try await promote(event: event, app: app, on: db)
        }
    }

    /// Gives freed seats to the head of the waiting list.
    static func promote(event: ClusterEvent, app: Application, on db: any Database) async throws {
        let eventID = try event.requireID()
        let waiting = try await Registration.query(on: db).filter(\.$event.$id == eventID).filter(\.$status == .waitlisted).sort(\.$createdAt).all()
        let seats = RegistrationBook.promotions(capacity: event.capacity, confirmed: try await confirmedCount(eventID, on: db), waiting: waiting.count)
        for registration in waiting.prefix(seats) {
            registration.status = .confirmed
            try await registration.save(on: db)
            try await notify(registration, event: event, moment: .promoted, app: app, on: db)
        }
    }

    static func notify(_ r: Registration, event: ClusterEvent, moment: EventMails.Moment, app: Application, on db: any Database) async throws {
        guard !r.email.isEmpty else { return }  // added on site without an address
        let org = try await app.currentOrganisation(on: db)
        let when = "\(FrenchDate.long(event.startsAt)) à \(FrenchDate.clock(event.startsAt))\(event.place.isEmpty ? "" : ", \(event.place)")"
        let text = EventMails.registration(moment, name: r.name, event: event.title, when: when,
                                           cancelLink: app.baseURL + Site.eventCancelForm.path(r.token), organisation: org.name)
        try await Mailer.queue(text, to: r.email, organisationID: event.$organisation.id, on: db)
    }

    /// Queues one reminder per confirmed registration for the events starting within `hours`.
    @discardableResult
    static func queueReminders(app: Application, now: Date, hours: Double = 24) async throws -> Int {
        let events = try await ClusterEvent.query(on: app.db).filter(\.$status == .planned)
            .filter(\.$startsAt > now).filter(\.$startsAt <= now.addingTimeInterval(hours * 3600)).all()
        var sent = 0
        for event in events {
            let pending = try await Registration.query(on: app.db).filter(\.$event.$id == event.requireID())
                .filter(\.$status == .confirmed).filter(\.$remindedAt == nil).all()
            try await app.db.transaction { db in
                for registration in pending {
                    registration.remindedAt = now
                    try await registration.save(on: db)
                    try await notify(registration, event: event, moment: .reminder, app: app, on: db)
                }
            }
            sent += pending.count
        }
        return sent
    }
}
