/// The advisor's changes to a plan, as `DiagnosticPlan.Overrides`: move an action up or down,
/// remove one, add one from the catalogue. Each returns a French refusal, or nil once
/// `overrides` is changed; the plan rebuilt with them (`DiagnosticPlan.build`) shows the change.
public enum DiagnosticPlanEditing {
    /// Fixes the whole order as shown, with `key` swapped with its neighbour.
    public static func move(_ key: String, up: Bool, in plan: DiagnosticPlan, _ overrides: inout DiagnosticPlan.Overrides) -> String? {
        var keys = plan.actions.map(\.key)
        guard let index = keys.firstIndex(of: key) else { return "Cette action n'est plus dans le plan." }
        let other = up ? index - 1 : index + 1
        guard keys.indices.contains(other) else { return up ? "Cette action est déjà la première du plan." : "Cette action est déjà la dernière du plan." }
        keys.swapAt(index, other)
        overrides.order = keys
        return nil
    }

    public static func remove(_ key: String, from plan: DiagnosticPlan, _ overrides: inout DiagnosticPlan.Overrides) -> String? {
        guard plan.actions.contains(where: { $0.key == key }) else { return "Cette action n'est plus dans le plan." }
        overrides.added.removeAll { $0 == key }
        overrides.order.removeAll { $0 == key }
        if !overrides.removed.contains(key) { overrides.removed.append(key) }
        return nil
    }

    /// An action removed earlier comes back for its own reasons when it has some; any other is
    /// added as the advisor's.
    public static func add(_ key: String, to plan: DiagnosticPlan, catalogue: [DiagnosticAction], result: DiagnosticResult, gaps: [DiagnosticGap],
                           _ overrides: inout DiagnosticPlan.Overrides) -> String? {
        guard !key.isEmpty else { return "Choisissez une action du catalogue." }
        guard catalogue.contains(where: { $0.key == key }) else { return "Cette action n'est pas au catalogue." }
        guard !plan.actions.contains(where: { $0.key == key }) else { return "Cette action est déjà dans le plan." }
        overrides.removed.removeAll { $0 == key }
        let rebuilt = DiagnosticPlan.build(catalogue: catalogue, result: result, gaps: gaps, overrides: overrides)
        if !rebuilt.actions.contains(where: { $0.key == key }) && !overrides.added.contains(key) {
            overrides.added.append(key)
        }
        return nil
    }
}
