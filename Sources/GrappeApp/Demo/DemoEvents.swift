import Fluent
import Foundation
import GrappeDomain

/// The events the 2025 report names (the croissants and Open Lunches were put on standby), with
/// registrations and attendance, and one upcoming afterwork so that the agenda is not empty.
enum DemoEvents {
    struct Seed {
        let kind: EventKind, title: String, date: Date, start: Int, end: Int, status: EventStatus
        let audience: ClusterEvent.Audience, capacity: Int, axes: [StrategicAxis], registrations: Int, present: Int, host: String?
    }

    static let seeds: [Seed] = [
        .init(kind: .croissant, title: "Croissant numérique", date: FrenchDate.make(2025, 3, 6), start: 450, end: 540, status: .standby,
              audience: .members, capacity: 30, axes: [.network, .promotion], registrations: 0, present: 0, host: nil),
        .init(kind: .openLunch, title: "Open Lunch", date: FrenchDate.make(2025, 4, 17), start: 720, end: 810, status: .standby,
              audience: .members, capacity: 40, axes: [.network], registrations: 0, present: 0, host: nil),
        .init(kind: .generalAssembly, title: "Assemblée générale 2025", date: FrenchDate.make(2025, 6, 19), start: 1050, end: 1170, status: .done,
              audience: .members, capacity: 0, axes: [.administration], registrations: 48, present: 41, host: nil),
        .init(kind: .other, title: "Bilan du programme Les Tremplins du Numérique", date: FrenchDate.make(2025, 7, 24), start: 1020, end: 1140, status: .done,
              audience: .everyone, capacity: 80, axes: [.sector, .promotion], registrations: 62, present: 55, host: nil),
        .init(kind: .afterwork, title: "Afterwork de rentrée", date: FrenchDate.make(2025, 9, 11), start: 1050, end: 1200, status: .done,
              audience: .members, capacity: 60, axes: [.network], registrations: 45, present: 38, host: "SKAZY"),
        .init(kind: .afterwork, title: "Afterwork de fin d'année", date: FrenchDate.make(2025, 12, 11), start: 1050, end: 1200, status: .done,
              audience: .members, capacity: 60, axes: [.network], registrations: 52, present: 47, host: "LA FABRIK"),
        .init(kind: .afterwork, title: "Afterwork de fin d'année 2026", date: FrenchDate.make(2026, 12, 10), start: 1050, end: 1200, status: .planned,
              audience: .everyone, capacity: 60, axes: [.network, .promotion], registrations: 12, present: 0, host: "APID"),
    ]

    static func load(organisationID: UUID, on db: any Database) async throws {
        let people = try await Person.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$email != "").sort(\.$lastName).all()
        let companies = try await Company.query(on: db).filter(\.$organisation.$id == organisationID).all()
        for (offset, seed) in seeds.enumerated() {
            let event = ClusterEvent(organisationID: organisationID, kind: seed.kind, title: seed.title,
                                     startsAt: FrenchDate.at(seed.date, minutes: seed.start), endsAt: FrenchDate.at(seed.date, minutes: seed.end),
                                     place: seed.host.map { "Locaux de \($0)" } ?? "Nouméa", capacity: seed.capacity, audience: seed.audience,
                                     axes: seed.axes, status: seed.status, hostID: companies.first { $0.name == seed.host }?.id)
            try await event.create(on: db)
            for (index, person) in people.rotated(by: offset * 13).prefix(seed.registrations).enumerated() {
                let registration = Registration(eventID: try event.requireID(), personID: person.id, name: person.fullName, email: person.email,
                                                status: .confirmed, token: Tokens.random(bytes: 24))
                if index < seed.present { registration.checkedInAt = event.startsAt.addingTimeInterval(Double(index % 30) * 60) }
                try await registration.create(on: db)
            }
            if seed.kind == .generalAssembly { try await loadAssembly(event: event, organisationID: organisationID, on: db) }
        }
    }

    /// The 2025 general assembly: 35 members present, 10 represented, three resolutions adopted.
    static func loadAssembly(event: ClusterEvent, organisationID: UUID, on db: any Database) async throws {
        let assembly = Assembly(eventID: try event.requireID(), quorumPercent: 50, maxProxies: 2)
        assembly.convenedAt = FrenchDate.make(2025, 6, 2)
        try await assembly.create(on: db)
        let assemblyID = try assembly.requireID()
        let voters = try await AssemblyQueries.voters(db, organisationID: organisationID, year: 2025)
        let present = Array(voters.prefix(35)), represented = Array(voters.dropFirst(35).prefix(10))
        for voter in present {
            try await AssemblyAttendance(assemblyID: assemblyID, companyID: voter.companyID, status: .present, proxyID: nil).create(on: db)
        }
        for (index, voter) in represented.enumerated() {
            try await AssemblyAttendance(assemblyID: assemblyID, companyID: voter.companyID, status: .represented,
                                         proxyID: present[index % present.count].companyID).create(on: db)
        }
        for (position, vote) in [("Approbation du rapport moral 2024", 40, 0, 5), ("Approbation des comptes 2024", 38, 2, 5),
                                 ("Montant des cotisations 2026 (barème inchangé)", 36, 4, 5)].enumerated() {
            try await Resolution(assemblyID: assemblyID, position: position + 1, title: vote.0, votesFor: vote.1, votesAgainst: vote.2, abstentions: vote.3).create(on: db)
        }
    }
}
