/// The Province Sud's rules for its digitalisation grant, as the cluster sets them in Réglages.
/// The defaults are the scheme's: craft and retail businesses of a Province Sud commune, 50 %
/// of the eligible actions' cost, at most 250 000 XPF. Stored as JSON; every field is optional
/// in storage so that a rule added later keeps older settings readable.
public struct GrantRules: Codable, Sendable, Equatable {
    /// The activities the grant is for.
    public var activities: [BusinessActivity]
    /// The communes a business must be established in, spelled as in `Communes.all`.
    public var communes: [String]
    /// The largest headcount accepted; nil for no limit.
    public var maxHeadcount: Int?
    /// Whether the business must give a valid RIDET.
    public var requiresRIDET: Bool
    /// The share of the eligible cost the grant pays, in percent.
    public var ratePercent: Int
    /// The most the grant pays, in XPF.
    public var cap: Int

    public init(activities: [BusinessActivity] = [.craft, .retail], communes: [String] = Province.sud.communes,
                maxHeadcount: Int? = nil, requiresRIDET: Bool = true, ratePercent: Int = 50, cap: Int = 250_000) {
        self.activities = activities
        self.communes = communes
        self.maxHeadcount = maxHeadcount
        self.requiresRIDET = requiresRIDET
        self.ratePercent = ratePercent
        self.cap = cap
    }

    public static let provinceSud = GrantRules()

    private enum CodingKeys: String, CodingKey { case activities, communes, maxHeadcount, requiresRIDET, ratePercent, cap }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let base = GrantRules()
        activities = try c.decodeIfPresent([BusinessActivity].self, forKey: .activities) ?? base.activities
        communes = try c.decodeIfPresent([String].self, forKey: .communes) ?? base.communes
        maxHeadcount = try c.decodeIfPresent(Int.self, forKey: .maxHeadcount)
        requiresRIDET = try c.decodeIfPresent(Bool.self, forKey: .requiresRIDET) ?? base.requiresRIDET
        ratePercent = try c.decodeIfPresent(Int.self, forKey: .ratePercent) ?? base.ratePercent
        cap = try c.decodeIfPresent(Int.self, forKey: .cap) ?? base.cap
    }

    /// What keeps these settings from being saved, in French.
    public func problems() -> [String] {
        var problems: [String] = []
        if activities.isEmpty { problems.append("Choisissez au moins une activité éligible.") }
        if communes.isEmpty { problems.append("Choisissez au moins une commune éligible.") }
        for commune in communes where !Communes.all.contains(commune) {
            problems.append("« \(commune.prefix(60)) » n'est pas une commune de Nouvelle-Calédonie.")
        }
        if let max = maxHeadcount, max < 0 { problems.append("L'effectif maximal ne peut pas être négatif.") }
        if !(1...100).contains(ratePercent) { problems.append("Le taux de l'aide va de 1 à 100 %.") }
        if !(0...DiagnosticAction.maximumCost).contains(cap) {
            problems.append("Le plafond de l'aide va de 0 à \(Money.xpf(DiagnosticAction.maximumCost)).")
        }
        return problems
    }
}
