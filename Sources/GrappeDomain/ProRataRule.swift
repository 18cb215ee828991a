/// How a member joining during the year is charged.
public enum ProRataRule: String, CaseIterable, Codable, Sendable {
    /// The full yearly amount, whatever the joining date.
    case none
    /// The remaining quarters, the joining quarter included: joining in May pays 3/4.
    case quarters

    public var label: String {
        switch self {
        case .none: "Aucun (montant annuel complet)"
        case .quarters: "Au prorata des trimestres restants"
        }
    }

    /// The amount due for a yearly fee when the membership starts in `joinMonth` (1…12) of the
    /// dues year, or `nil` when it started in an earlier year. Rounded to the franc.
    public func amount(yearly: Int, joinMonth: Int?) -> Int {
        guard self == .quarters, let month = joinMonth, (1...12).contains(month) else { return yearly }
        let quarter = (month - 1) / 3 + 1
        let remaining = 5 - quarter
        return (yearly * remaining + 2) / 4
    }
}
