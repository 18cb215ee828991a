import Foundation

/// Where a programme objective's figure comes from: computed from the programme's actions
/// (workshops), or typed in by the staff.
public enum IndicatorSource: String, CaseIterable, Codable, Sendable {
    case actionCount = "action_count"
    case participantSum = "participant_sum"
    case distinctCommunes = "distinct_communes"
    case audienceSum = "audience_sum"
    /// The digital-maturity diagnostics closed during the programme's period (the diagnostics
    /// themselves, not actions typed for them).
    case closedDiagnostics = "closed_diagnostics"
    case manual

    public var label: String {
        switch self {
        case .actionCount: "Nombre d'actions"
        case .participantSum: "Nombre total de participants"
        case .distinctCommunes: "Nombre de communes touchées"
        case .audienceSum: "Participants d'un public cible"
        case .closedDiagnostics: "Diagnostics de maturité clos sur la période"
        case .manual: "Saisie manuelle"
        }
    }
}

/// What the indicators need to know about one action (workshop) of a programme.
public struct ActionFacts: Sendable, Equatable {
    public var date: Date
    public var commune: String
    public var participants: Int
    /// Participants per target audience, e.g. ["handicap": 12, "demandeurs d'emploi": 5].
    public var audiences: [String: Int]

    public init(date: Date, commune: String, participants: Int, audiences: [String: Int] = [:]) {
        self.date = date
        self.commune = commune
        self.participants = participants
        self.audiences = audiences
    }
}

/// Programme indicators: values computed from the actions, progress against the target and
/// the groupings shown on a programme's page and in the annual report.
public enum Indicators {
    /// The indicator's current value. Computed sources use `actions`; `audience` names the
    /// audience for `audienceSum` (matched without regard to case or accents; nil when none
    /// is given). `manual` takes the latest entry by date (the last one listed on a tie), nil
    /// when there is none. Communes are counted once whatever their spelling ("Nouméa",
    /// "noumea"); blank communes are not counted. `closedDiagnostics` is the count the caller
    /// read from the diagnostics (nil when it did not: the value is then unknown).
    public static func value(source: IndicatorSource, audience: String?, actions: [ActionFacts],
                             manualEntries: [(date: Date, value: Double)], closedDiagnostics: Int? = nil) -> Double? {
        switch source {
        case .closedDiagnostics:
            return closedDiagnostics.map(Double.init)
        case .actionCount:
            return Double(actions.count)
        case .participantSum:
            return Double(actions.reduce(0) { $0 + max(0, $1.participants) })
        case .distinctCommunes:
            return Double(Set(actions.map { TextFolding.fold($0.commune) }.filter { !$0.isEmpty }).count)
        case .audienceSum:
            let wanted = TextFolding.fold(audience ?? "")
            guard !wanted.isEmpty else { return nil }
            var sum = 0
            for action in actions {
                for (name, count) in action.audiences where TextFolding.fold(name) == wanted {
                    sum += max(0, count)
                }
            }
            return Double(sum)
        case .manual:
            var latest: (date: Date, value: Double)?
            for entry in manualEntries {
                if let current = latest, entry.date < current.date { continue }
                latest = entry
            }
            return latest?.value
        }
    }

    /// Share of the target reached, in percent, rounded half up (1 640 for 1 500 → 109).
    /// Nil when the value is unknown or the target is not positive. May exceed 100.
    public static func progress(value: Double?, target: Double) -> Int? {
        guard let value, value.isFinite, target.isFinite, target > 0 else { return nil }
        let percent = (value * 100 / target + 0.5).rounded(.down)
        guard abs(percent) < 1e15 else { return nil }
        return Int(percent)
    }

    /// Whether the objective is behind schedule: the share of the target reached is more than
    /// 10 points below the share of the period elapsed. Half-way through the period, 39 % of
    /// the target is behind and 40 % is not. Never behind before the period starts, when the
    /// value is unknown, when the target is not positive or when the period is empty. After
    /// the period ends, the elapsed share stays at 100 %, so an objective under 90 % stays
    /// behind.
    public static func behind(value: Double?, target: Double, periodStart: Date, periodEnd: Date, now: Date) -> Bool {
        guard let value, target > 0, periodEnd > periodStart, now >= periodStart else { return false }
        let elapsed = min(1, now.timeIntervalSince(periodStart) / periodEnd.timeIntervalSince(periodStart)) * 100
        let reached = value * 100 / target
        return elapsed - reached > 10
    }

    /// Number of actions per month, oldest first, months without actions left out.
    public static func perMonth(_ actions: [ActionFacts], calendar: Calendar) -> [(year: Int, month: Int, count: Int)] {
        var counts: [Int: Int] = [:]
        for action in actions {
            let c = calendar.dateComponents([.year, .month], from: action.date)
            counts[(c.year ?? 0) * 12 + (c.month ?? 1) - 1, default: 0] += 1
        }
        return counts.keys.sorted().map { key in (year: key / 12, month: key % 12 + 1, count: counts[key]!) }
    }

    /// Name shown for actions without a commune in `perCommune`.
    public static let unknownCommune = "Commune non renseignée"

    /// Actions and participants per commune, most actions first, then by name (ignoring case
    /// and accents). Spellings are merged: the canonical name when it is one of the 33
    /// communes, otherwise the first spelling met.
    public static func perCommune(_ actions: [ActionFacts]) -> [(commune: String, count: Int, participants: Int)] {
        var groups: [String: (commune: String, count: Int, participants: Int)] = [:]
        for action in actions {
            let typed = FieldCheck.trimmed(action.commune)
            let key = TextFolding.fold(typed)
            let name = key.isEmpty ? unknownCommune : (Communes.canonical(typed) ?? typed)
            var group = groups[key] ?? (name, 0, 0)
            group.count += 1
            group.participants += max(0, action.participants)
            groups[key] = group
        }
        return groups.values.sorted {
            if $0.count != $1.count { return $0.count > $1.count }
            return TextFolding.fold($0.commune) < TextFolding.fold($1.commune)
        }
    }

    /// A value as shown: whole numbers without decimals, others with one, French style
    /// (« 1 640 », « 12,5 »).
    public static func format(_ value: Double) -> String {
        if value.rounded() == value && abs(value) < 1e15 { return Money.grouped(Int(value)) }
        let tenth = (value * 10).rounded() / 10
        let whole = Int(tenth.rounded(.towardZero))
        let decimal = Int((abs(tenth - Double(whole)) * 10).rounded())
        return "\(Money.grouped(whole)),\(decimal)"
    }
}
