import Fluent
import Foundation
import GrappeDomain

/// An entry of the organisation's action catalogue: the domain's `DiagnosticAction`, stored.
/// Lists (gaps, prerequisites, competences) are kept one per line.
final class DiagnosticActionRecord: Model, @unchecked Sendable {
    static let schema = "diagnostic_actions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "key") var key: String
    @Field(key: "title") var title: String
    @Field(key: "details") var details: String
    @Enum(key: "dimension") var dimension: DiagnosticDimension
    @Field(key: "gaps") var gaps: String
    @Field(key: "impact") var impact: Int
    @Field(key: "effort") var effort: Int
    @Field(key: "cost") var cost: Int
    @Field(key: "grant_eligible") var grantEligible: Bool
    @Field(key: "prerequisites") var prerequisites: String
    @Field(key: "competences") var competences: String
    @Field(key: "position") var position: Int

    init() {}

    init(organisationID: UUID, action a: DiagnosticAction, position: Int) {
        self.$organisation.id = organisationID
        key = a.key
        title = a.title
        details = a.details
        dimension = a.dimension
        gaps = a.gaps.map(\.rawValue).joined(separator: "\n")
        impact = a.impact.rawValue
        effort = a.effort.rawValue
        cost = a.cost
        grantEligible = a.grantEligible
        prerequisites = a.prerequisites.joined(separator: "\n")
        competences = a.competences.joined(separator: "\n")
        self.position = position
    }

    var action: DiagnosticAction {
        func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }
        return DiagnosticAction(key: key, title: title, details: details, dimension: dimension, gaps: lines(gaps).compactMap(DiagnosticGap.init(rawValue:)),
                                impact: .init(rawValue: impact) ?? .medium, effort: .init(rawValue: effort) ?? .medium, cost: cost,
                                grantEligible: grantEligible, prerequisites: lines(prerequisites), competences: lines(competences))
    }
}
