/// The brackets of one year's fee schedule, validated so that each category covers every
/// headcount from 0 upwards exactly once.
public struct FeeGrid: Equatable, Sendable {
    public let brackets: [FeeBracket]

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case empty(MembershipCategory)
        case mustStartAtZero(MembershipCategory, Int)
        case invertedRange(MembershipCategory, Int, Int)
        case overlap(MembershipCategory, Int)
        case hole(MembershipCategory, from: Int, to: Int)
        case unboundedBeforeEnd(MembershipCategory)
        case mustEndOpen(MembershipCategory)
        case negativeAmount(MembershipCategory)

        public var description: String {
            switch self {
            case .empty(let c): "La catégorie « \(c.label) » n'a aucune tranche."
            case .mustStartAtZero(let c, let min): "La première tranche « \(c.label) » doit commencer à 0 salarié (elle commence à \(min))."
            case .invertedRange(let c, let a, let b): "Tranche « \(c.label) » invalide : \(a) est supérieur à \(b)."
            case .overlap(let c, let n): "Les tranches « \(c.label) » se chevauchent à \(n) salariés."
            case .hole(let c, let a, let b): "Les tranches « \(c.label) » laissent un trou de \(a) à \(b) salariés."
            case .unboundedBeforeEnd(let c): "Seule la dernière tranche « \(c.label) » peut être sans maximum."
            case .mustEndOpen(let c): "La dernière tranche « \(c.label) » doit être sans maximum (« et plus »)."
            case .negativeAmount(let c): "Un montant « \(c.label) » est négatif."
            }
        }
    }

    /// Builds a grid, refusing overlaps, holes and a missing open-ended last bracket.
    public init(brackets: [FeeBracket]) throws(Problem) {
        for category in MembershipCategory.allCases {
            let lines = brackets.filter { $0.category == category }.sorted { $0.minHeadcount < $1.minHeadcount }
            guard let first = lines.first else { throw .empty(category) }
            guard first.minHeadcount == 0 else { throw .mustStartAtZero(category, first.minHeadcount) }
            for (index, line) in lines.enumerated() {
                if line.amount < 0 { throw .negativeAmount(category) }
                if let max = line.maxHeadcount, max < line.minHeadcount {
                    throw .invertedRange(category, line.minHeadcount, max)
                }
                guard index + 1 < lines.count else {
                    if line.maxHeadcount != nil { throw .mustEndOpen(category) }
                    continue
                }
                let next = lines[index + 1]
                guard let max = line.maxHeadcount else { throw .unboundedBeforeEnd(category) }
                if next.minHeadcount <= max { throw .overlap(category, next.minHeadcount) }
                if next.minHeadcount > max + 1 { throw .hole(category, from: max + 1, to: next.minHeadcount - 1) }
            }
        }
        self.brackets = brackets.sorted {
            ($0.category.rawValue, $0.minHeadcount) < ($1.category.rawValue, $1.minHeadcount)
        }
    }

    /// The bracket that prices a company of this category and headcount.
    public func bracket(for category: MembershipCategory, headcount: Int) -> FeeBracket? {
        brackets.first { $0.category == category && $0.contains(headcount: max(0, headcount)) }
    }

    public func lines(for category: MembershipCategory) -> [FeeBracket] {
        brackets.filter { $0.category == category }
    }

    /// OPEN NC's 2025 grid, from the annual report's "Votre cotisation" page.
    public static let open2025: FeeGrid = try! FeeGrid(brackets: [
        .init(category: .core, minHeadcount: 0, maxHeadcount: 10, amount: 60_000),
        .init(category: .core, minHeadcount: 11, maxHeadcount: 25, amount: 90_000),
        .init(category: .core, minHeadcount: 26, maxHeadcount: 50, amount: 120_000),
        .init(category: .core, minHeadcount: 51, maxHeadcount: 100, amount: 240_000),
        .init(category: .core, minHeadcount: 101, maxHeadcount: 200, amount: 480_000),
        .init(category: .core, minHeadcount: 201, maxHeadcount: nil, amount: 960_000),
        .init(category: .partner, minHeadcount: 0, maxHeadcount: 20, amount: 60_000),
        .init(category: .partner, minHeadcount: 21, maxHeadcount: 50, amount: 96_000),
        .init(category: .partner, minHeadcount: 51, maxHeadcount: nil, amount: 180_000),
    ])
}
