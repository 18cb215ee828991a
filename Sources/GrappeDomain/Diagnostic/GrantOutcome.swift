/// The grant's outcome as staff record it once the business has filed its request: the amount
/// granted is a whole XPF amount, never above the rules' cap; above the diagnostic's estimate is
/// allowed (the Province may count other spending) but said.
extension DiagnosticGrant {
    /// Why `amount` cannot be recorded as granted under `rules`, in French; nil when it can.
    public static func grantedAmountProblem(_ amount: Int, rules: GrantRules) -> String? {
        if amount <= 0 { return "Indiquez le montant accordé, en francs XPF." }
        if amount > rules.cap { return "Le montant accordé ne peut dépasser le plafond de l'aide (\(Money.xpf(rules.cap)))." }
        return nil
    }

    /// A warning when the amount granted is above what the diagnostic estimated; nil otherwise.
    public static func aboveEstimateWarning(_ amount: Int, estimate: Int) -> String? {
        amount > estimate ? "Le montant accordé (\(Money.xpf(amount))) dépasse l'estimation du diagnostic (\(Money.xpf(estimate)))." : nil
    }
}
