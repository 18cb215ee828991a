/// Headcount bands for the directory filter.
public enum SizeBand: String, CaseIterable, Sendable {
    case micro, small, medium, large

    public var label: String {
        switch self {
        case .micro: "Moins de 10 salariés"
        case .small: "10 à 49 salariés"
        case .medium: "50 à 249 salariés"
        case .large: "250 salariés et plus"
        }
    }

    public var range: ClosedRange<Int> {
        switch self {
        case .micro: 0...9
        case .small: 10...49
        case .medium: 50...249
        case .large: 250...Int.max
        }
    }

    /// The band of a headcount; a negative headcount counts as `micro`.
    public static func of(headcount: Int) -> SizeBand {
        allCases.first { $0.range.contains(headcount) } ?? .micro
    }
}
