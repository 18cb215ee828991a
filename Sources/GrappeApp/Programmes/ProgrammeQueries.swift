import Fluent
import GrappeDomain
import SQLKit
import Vapor

/// An indicator with its computed value and progress.
struct IndicatorLine: Sendable {
    let indicator: Indicator
    let value: Double?
    let progress: Int?
    let behind: Bool
    let latestEntry: IndicatorEntry?
}

/// One animator's share of a programme.
struct AnimatorLine: Sendable {
    let companyID: UUID?
    let name: String
    let actions: Int
    let participants: Int
}

/// A programme's figures, computed from its records each time they are shown.
enum ProgrammeQueries {
    static func bySlug(_ db: any Database, organisationID: UUID, slug: String) async throws -> Programme? {
        guard slug.count <= 120 else { return nil }
        return try await Programme.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$slug == slug).first()
    }

    /// A consortium company and the actions it animated in `programme`; nil when it is not in
    /// the consortium.
    static func animated(_ db: any Database, programme p: Programme, companyID: UUID) async throws -> (Company, [ProgrammeAction])? {
        let programmeID = try p.requireID()
        guard try await ConsortiumMember.query(on: db).filter(\.$programme.$id == programmeID).filter(\.$company.$id == companyID).first() != nil,
              let company = try await Company.find(companyID, on: db) else { return nil }
        let actions = try await ProgrammeAction.query(on: db).filter(\.$programme.$id == programmeID)
            .filter(\.$animatorCompany.$id == companyID).sort(\.$date, .descending).all()
        return (company, actions)
    }

    /// The companies the programme form offers for the consortium: the members of this year or
    /// last, and those already in `consortium`.
    static func consortiumChoices(_ db: any Database, organisationID: UUID, now: Date, consortium: Set<UUID>) async throws -> [Company] {
        let memberIDs = try await DirectoryQueries.memberIDs(db, organisationID: organisationID, now: now)
        return try await Company.query(on: db).filter(\.$organisation.$id == organisationID).all().sortedInFrench(by: \.name)
            .filter { memberIDs.contains($0.id!) || consortium.contains($0.id!) }
    }

    static func facts(_ actions: [ProgrammeAction]) -> [ActionFacts] {
        actions.map { ActionFacts(date: $0.date, commune: $0.commune, participants: $0.participants, audiences: AudienceCounts.parse($0.audiencesText)) }
    }

    static func indicators(_ db: any Database, programme: Programme, actions: [ProgrammeAction], now: Date) async throws -> [IndicatorLine] {
        let list = try await Indicator.query(on: db).filter(\.$programme.$id == programme.requireID()).sort(\.$position).sort(\.$name).all()
        guard !list.isEmpty else { return [] }
        let entries = try await IndicatorEntry.query(on: db).filter(\.$indicator.$id ~~ list.compactMap(\.id)).sort(\.$date).all()
        let byIndicator = Dictionary(grouping: entries, by: { $0.$indicator.id })
        let facts = facts(actions)
        // The diagnostics closed during the programme's period (its last day included), read
        // only when an indicator counts them.
        let diagnostics = list.contains { $0.source == .closedDiagnostics }
            ? try await DiagnosticFigureQueries.closedCount(db, organisationID: programme.$organisation.id, from: programme.startsOn,
                                                            to: FrenchDate.calendar.date(byAdding: .day, value: 1, to: programme.endsOn) ?? programme.endsOn, now: now)
            : nil
        return list.map { i in
            let manual = (byIndicator[i.id!] ?? []).map { (date: $0.date, value: $0.value) }
            let value = Indicators.value(source: i.source, audience: i.audience.isEmpty ? nil : i.audience, actions: facts, manualEntries: manual,
                                         closedDiagnostics: diagnostics)
            return IndicatorLine(indicator: i, value: value, progress: Indicators.progress(value: value, target: i.target),
                                 behind: programme.status != .done && Indicators.behind(value: value, target: i.target, periodStart: programme.startsOn, periodEnd: programme.endsOn, now: now),
                                 latestEntry: byIndicator[i.id!]?.last)
        }
    }

    static func animators(_ actions: [ProgrammeAction], companies: [UUID: String]) -> [AnimatorLine] {
        let grouped = Dictionary(grouping: actions, by: { $0.$animatorCompany.id })
        return grouped.map { id, list in
            AnimatorLine(companyID: id, name: id.flatMap { companies[$0] } ?? "Le cluster", actions: list.count, participants: list.map(\.participants).reduce(0, +))
        }.sorted { $0.actions != $1.actions ? $0.actions > $1.actions : $0.name < $1.name }
    }

    static func consortium(_ db: any Database, programmeID: UUID) async throws -> [Company] {
        try await ConsortiumMember.query(on: db).filter(\.$programme.$id == programmeID).with(\.$company).all()
            .map(\.company).sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    /// Indicators behind target across running programmes, for the dashboard.
    static func behindCount(_ db: any Database, organisationID: UUID, now: Date) async throws -> Int {
        let running = try await Programme.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$status == .running).all()
        var count = 0
        for p in running {
            let actions = try await ProgrammeAction.query(on: db).filter(\.$programme.$id == p.requireID()).all()
            count += try await indicators(db, programme: p, actions: actions, now: now).filter(\.behind).count
        }
        return count
    }
}
