import Fluent
import Foundation
import GrappeDomain

/// What a programme's page shows, read by one query function (`load`) and rendered by
/// `ProgrammeView`, which needs no database: the programme, its indicators against their
/// targets, its actions by month, commune and animator, and what this reader may see.
struct ProgrammePage: Sendable {
    let programme: Programme
    let actions: [ProgrammeAction]
    let indicators: [IndicatorLine]
    let consortium: [Company]
    /// The consortium's names by id, for the animator of each action.
    let companyNames: [UUID: String]
    /// "Province Sud (12 000 000 XPF)": amounts only for staff and board.
    let funders: [String]
    let partners: [String]
    let animators: [AnimatorLine]
    let months: [(year: Int, month: Int, count: Int)]
    let communes: [(commune: String, count: Int, participants: Int)]
    /// Staff: edit buttons and the manual indicator values.
    let staff: Bool
    /// Staff and board: the funding amounts and the detail of the actions.
    let insider: Bool

    static func load(_ db: any Database, programme p: Programme, now: Date, staff: Bool, insider: Bool) async throws -> ProgrammePage {
        let programmeID = try p.requireID()
        let actions = try await ProgrammeAction.query(on: db).filter(\.$programme.$id == programmeID).sort(\.$date, .descending).all()
        let indicators = try await ProgrammeQueries.indicators(db, programme: p, actions: actions, now: now)
        let consortium = try await ProgrammeQueries.consortium(db, programmeID: programmeID)
        let funders = try await p.$funders.get(on: db)
        let partners = try await p.$partners.get(on: db)
        let names = Dictionary(uniqueKeysWithValues: consortium.compactMap { c in c.id.map { ($0, c.name) } })
        let facts = ProgrammeQueries.facts(actions)
        return ProgrammePage(
            programme: p, actions: actions, indicators: indicators, consortium: consortium, companyNames: names,
            funders: funders.map { f in f.name + (insider ? f.amount.map { " (\(Money.xpf($0)))" } ?? "" : "") },
            partners: partners.map { "\($0.name) (\($0.role))" },
            animators: ProgrammeQueries.animators(actions, companies: names),
            months: Indicators.perMonth(facts, calendar: FrenchDate.calendar), communes: Indicators.perCommune(facts),
            staff: staff, insider: insider)
    }
}
