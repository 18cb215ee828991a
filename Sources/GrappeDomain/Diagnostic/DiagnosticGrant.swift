/// Whether a business may get the Province Sud's grant for its plan, and how much: the rate
/// (50 %) of the grant-eligible actions' cost, rounded down to the whole franc, capped (250 000 XPF).
public struct DiagnosticGrant: Sendable, Equatable {
    /// What the rules know of the business.
    public struct Applicant: Sendable, Equatable {
        public var activity: BusinessActivity
        public var commune: String
        public var headcount: Int
        /// As typed or stored; checked with `RIDET.normalize`. Empty when none.
        public var ridet: String

        public init(activity: BusinessActivity, commune: String, headcount: Int, ridet: String) {
            self.activity = activity
            self.commune = commune
            self.headcount = headcount
            self.ridet = ridet
        }
    }

    /// Why the business is not eligible, in French; empty when it is.
    public var refusals: [String]
    /// The cost of the plan's grant-eligible actions, in XPF.
    public var eligibleCost: Int
    /// The rate applied to the eligible cost, rounded down, before the cap.
    public var uncapped: Int
    /// What the grant would pay: 0 when the business is not eligible.
    public var amount: Int

    public var isEligible: Bool { refusals.isEmpty }
    public var isCapped: Bool { isEligible && uncapped > amount }

    /// Rate × cost ÷ 100 in whole francs, rounded down, then capped.
    public static func estimate(eligibleCost: Int, rules: GrantRules = .provinceSud) -> (uncapped: Int, amount: Int) {
        let uncapped = max(eligibleCost, 0) * rules.ratePercent / 100
        return (uncapped, min(uncapped, rules.cap))
    }

    public static func refusals(_ applicant: Applicant, rules: GrantRules = .provinceSud) -> [String] {
        var refusals: [String] = []
        if !rules.activities.contains(applicant.activity) {
            let allowed = rules.activities.map(\.label).joined(separator: " ou ")
            refusals.append("L'aide est réservée aux entreprises d'activité \(allowed) (activité déclarée : \(applicant.activity.label)).")
        }
        if let commune = Communes.canonical(applicant.commune) {
            if !rules.communes.contains(commune) {
                if rules.communes.sorted() == Province.sud.communes.sorted(), let province = Province.of(commune: commune) {
                    refusals.append("L'aide est réservée aux entreprises établies en Province Sud (\(commune) est en \(province.name)).")
                } else {
                    refusals.append("L'aide n'est pas ouverte aux entreprises établies à \(commune).")
                }
            }
        } else {
            refusals.append("Commune inconnue : « \(applicant.commune.prefix(60)) » n'est pas une commune de Nouvelle-Calédonie.")
        }
        if let limit = rules.maxHeadcount, applicant.headcount > limit {
            refusals.append("L'aide est réservée aux entreprises de \(limit) salariés au plus (effectif déclaré : \(applicant.headcount)).")
        }
        if rules.requiresRIDET && RIDET.normalize(applicant.ridet) == nil {
            refusals.append("Un numéro RIDET valide est nécessaire pour demander l'aide.")
        }
        return refusals
    }

    /// The grant for the actions of a plan (`DiagnosticPlan.actions`).
    public static func assess(_ applicant: Applicant, actions: [DiagnosticAction], rules: GrantRules = .provinceSud) -> DiagnosticGrant {
        let refusals = refusals(applicant, rules: rules)
        let eligibleCost = actions.filter(\.grantEligible).reduce(0) { $0 + max($1.cost, 0) }
        let (uncapped, capped) = estimate(eligibleCost: eligibleCost, rules: rules)
        return DiagnosticGrant(refusals: refusals, eligibleCost: eligibleCost, uncapped: uncapped, amount: refusals.isEmpty ? capped : 0)
    }
}
