/// An entry of the action catalogue staff maintain: something a business can do after its
/// diagnostic, what it answers, what it takes and costs, and who in the directory can help.
public struct DiagnosticAction: Codable, Sendable, Equatable, Identifiable {
    /// Impact and effort, from 1 to 3.
    public enum Grade: Int, CaseIterable, Codable, Sendable, Comparable {
        case low = 1
        case medium = 2
        case high = 3

        public var label: String {
            switch self {
            case .low: "faible"
            case .medium: "moyen"
            case .high: "fort"
            }
        }

        public static func < (a: Grade, b: Grade) -> Bool { a.rawValue < b.rawValue }
    }

    public var key: String
    public var title: String
    public var details: String
    /// The dimension the action improves: it enters the plan when that dimension is weak.
    public var dimension: DiagnosticDimension
    /// The gaps it answers: it enters the plan when one of them is found.
    public var gaps: [DiagnosticGap]
    public var impact: Grade
    public var effort: Grade
    /// Indicative cost in whole XPF.
    public var cost: Int
    /// Whether the Province Sud's grant may fund it.
    public var grantEligible: Bool
    /// Keys of the actions to carry out first.
    public var prerequisites: [String]
    /// The domains of competence (the directory's list) a provider needs for it.
    public var competences: [String]

    public var id: String { key }

    public init(key: String, title: String, details: String = "", dimension: DiagnosticDimension, gaps: [DiagnosticGap] = [],
                impact: Grade, effort: Grade, cost: Int, grantEligible: Bool, prerequisites: [String] = [], competences: [String] = []) {
        self.key = key
        self.title = title
        self.details = details
        self.dimension = dimension
        self.gaps = gaps
        self.impact = impact
        self.effort = effort
        self.cost = cost
        self.grantEligible = grantEligible
        self.prerequisites = prerequisites
        self.competences = competences
    }

    /// A quick win: little effort for a medium or strong impact.
    public var isQuickWin: Bool { effort == .low && impact >= .medium }

    /// Whether a company with these domains of competence covers every one the action needs
    /// (case and accents ignored). An action that needs none is covered by nobody in particular.
    public func isCovered(by domains: [String]) -> Bool {
        guard !competences.isEmpty else { return false }
        let held = Set(domains.map(TextFolding.fold))
        return competences.allSatisfy { held.contains(TextFolding.fold($0)) }
    }

    /// The companies of `directory` that cover the action, in the directory's order.
    public func providers<Company>(among directory: [Company], domains: (Company) -> [String]) -> [Company] {
        directory.filter { isCovered(by: domains($0)) }
    }
}
