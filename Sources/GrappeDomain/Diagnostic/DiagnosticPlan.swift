/// The action plan of a diagnostic: the catalogue's actions that answer its gaps and weak
/// dimensions, in a default order the advisor can change during the interview.
///
/// Default priority (the reference's suggestion): (100 − the action's dimension score) ×
/// impact ÷ effort, plus `gapBonus` when it answers a gap found, plus `quickWinBonus` for a
/// quick win. Ties go to the cheaper action, then the title. Prerequisites come right before
/// the first action that needs them, even when they would not have been chosen on their own.
/// Then the advisor's overrides apply: actions removed, actions added, and an order of their
/// own; an order that puts an action before its prerequisite is kept but warned about.
public struct DiagnosticPlan: Sendable, Equatable {
    /// Why an action is in the plan.
    public enum Reason: Sendable, Hashable {
        case gap(DiagnosticGap)
        case weakDimension(DiagnosticDimension)
        /// Needed first by the action with this key.
        case prerequisite(of: String)
        /// Added by the advisor.
        case advisor
    }

    public struct Item: Sendable, Equatable, Identifiable {
        public var action: DiagnosticAction
        /// The default priority; higher comes first.
        public var priority: Double
        public var reasons: [Reason]
        public var id: String { action.key }
    }

    /// What the advisor changed; stored with the diagnostic, and applied again whenever the
    /// plan is rebuilt.
    public struct Overrides: Codable, Sendable, Equatable {
        /// Action keys in the advisor's order; the plan's other actions follow in default order.
        public var order: [String]
        public var removed: [String]
        public var added: [String]

        public init(order: [String] = [], removed: [String] = [], added: [String] = []) {
            self.order = order
            self.removed = removed
            self.added = added
        }
    }

    public var items: [Item]
    /// What the advisor should know about their overrides, in French.
    public var warnings: [String]

    /// A dimension is weak up to this shown score: the « basique » and « moyen » bands.
    public static let weakDimensionUpTo = MaturityLevel.averageUpTo
    /// Added to the priority of an action that answers a gap found: a gap is the diagnostic's
    /// main finding, so its actions go before those of a merely weak dimension of similar score.
    public static let gapBonus = 50.0
    /// Added for a quick win (low effort, medium or strong impact), to show results early.
    public static let quickWinBonus = 25.0

    public static func isWeak(_ score: Double) -> Bool { DiagnosticScoring.shown(score) <= weakDimensionUpTo }

    public static func priority(of action: DiagnosticAction, result: DiagnosticResult, gaps: [DiagnosticGap]) -> Double {
        var priority = (100 - result.score(action.dimension)) * Double(action.impact.rawValue) / Double(action.effort.rawValue)
        if action.gaps.contains(where: gaps.contains) { priority += gapBonus }
        if action.isQuickWin { priority += quickWinBonus }
        return priority
    }

    public var actions: [DiagnosticAction] { items.map(\.action) }
    public var totalCost: Int { items.reduce(0) { $0 + $1.action.cost } }
    public var grantEligibleCost: Int { items.filter(\.action.grantEligible).reduce(0) { $0 + $1.action.cost } }

    public static func build(catalogue: [DiagnosticAction], result: DiagnosticResult, gaps: [DiagnosticGap],
                             overrides: Overrides = .init()) -> DiagnosticPlan {
        var byKey: [String: DiagnosticAction] = [:]
        for action in catalogue where byKey[action.key] == nil { byKey[action.key] = action }
        var warnings: [String] = []
        let removed = Set(overrides.removed)
        for key in overrides.removed + overrides.added + overrides.order where byKey[key] == nil {
            warnings.append("L'action « \(key) » n'est plus au catalogue.")
        }

        var reasons: [String: [Reason]] = [:]
        for action in catalogue where !removed.contains(action.key) && reasons[action.key] == nil {
            var why = action.gaps.filter(gaps.contains).map(Reason.gap)
            if isWeak(result.score(action.dimension)) { why.append(.weakDimension(action.dimension)) }
            if !why.isEmpty { reasons[action.key] = why }
        }
        for key in overrides.added where byKey[key] != nil && !removed.contains(key) {
            reasons[key, default: []].append(.advisor)
        }

        func rank(_ a: DiagnosticAction, _ b: DiagnosticAction) -> Bool {
            let pa = priority(of: a, result: result, gaps: gaps), pb = priority(of: b, result: result, gaps: gaps)
            if pa != pb { return pa > pb }
            if a.cost != b.cost { return a.cost < b.cost }
            let ta = TextFolding.fold(a.title), tb = TextFolding.fold(b.title)
            return ta != tb ? ta < tb : a.key < b.key
        }

        // Default order, each action preceded by its prerequisites (pulled in if need be).
        var ordered: [String] = []
        var placing: Set<String> = []
        func place(_ action: DiagnosticAction) {
            guard !ordered.contains(action.key), placing.insert(action.key).inserted else { return }
            let needed = action.prerequisites.compactMap { byKey[$0] }.sorted(by: rank)
            for prerequisite in needed {
                if removed.contains(prerequisite.key) {
                    warnings.append("« \(action.title) » suppose « \(prerequisite.title) », retirée du plan.")
                    continue
                }
                if reasons[prerequisite.key]?.contains(.prerequisite(of: action.key)) != true {
                    reasons[prerequisite.key, default: []].append(.prerequisite(of: action.key))
                }
                place(prerequisite)
            }
            ordered.append(action.key)
        }
        for action in reasons.keys.compactMap({ byKey[$0] }).sorted(by: rank) { place(action) }

        // The advisor's order first, then the rest as it was.
        var final: [String] = []
        for key in overrides.order where ordered.contains(key) && !final.contains(key) { final.append(key) }
        final += ordered.filter { !final.contains($0) }

        let items = final.compactMap { key -> Item? in
            guard let action = byKey[key] else { return nil }
            return Item(action: action, priority: priority(of: action, result: result, gaps: gaps), reasons: reasons[key] ?? [])
        }
        for (index, item) in items.enumerated() {
            for prerequisite in item.action.prerequisites {
                if let later = items.firstIndex(where: { $0.action.key == prerequisite }), later > index {
                    warnings.append("« \(item.action.title) » est placée avant son prérequis « \(items[later].action.title) ».")
                }
            }
        }
        return DiagnosticPlan(items: items, warnings: warnings)
    }
}
