/// One line of a fee schedule: a category and a headcount range priced in XPF.
/// `maxHeadcount == nil` means "and more".
public struct FeeBracket: Equatable, Sendable, Codable {
    public var category: MembershipCategory
    public var minHeadcount: Int
    public var maxHeadcount: Int?
    public var amount: Int

    public init(category: MembershipCategory, minHeadcount: Int, maxHeadcount: Int?, amount: Int) {
        self.category = category
        self.minHeadcount = minHeadcount
        self.maxHeadcount = maxHeadcount
        self.amount = amount
    }

    public func contains(headcount: Int) -> Bool {
        headcount >= minHeadcount && (maxHeadcount.map { headcount <= $0 } ?? true)
    }

    /// "0 à 10 salariés", "plus de 200 salariés".
    public var label: String {
        if let max = maxHeadcount { return "\(minHeadcount) à \(max) salariés" }
        return "plus de \(minHeadcount - 1) salariés"
    }
}
