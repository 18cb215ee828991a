/// The three imbalances the diagnostic points out (the dmsa specification's heuristics on the
/// DMA): each becomes a finding in the report and pulls the actions that answer it into the plan.
public enum DiagnosticGap: String, CaseIterable, Codable, Sendable {
    /// Many investments planned in Q1, but a weak preparation (Q2).
    case ambitionWithoutPreparation = "ambition_without_preparation"
    /// Strong technology (dimension 2 or 5), weak people side (dimension 3).
    case technologyWithoutPeople = "technology_without_people"
    /// Strong data use (dimension 4), weak security (Q8).
    case dataWithoutSecurity = "data_without_security"

    public var title: String {
        switch self {
        case .ambitionWithoutPreparation: "Ambition sans préparation"
        case .technologyWithoutPeople: "Technologie sans les personnes"
        case .dataWithoutSecurity: "Données sans sécurité"
        }
    }

    public var explanation: String {
        switch self {
        case .ambitionWithoutPreparation:
            "Beaucoup d'investissements numériques sont prévus, mais l'entreprise y est peu préparée : besoins, financement, compétences et organisation sont à consolider d'abord."
        case .technologyWithoutPeople:
            "Les outils sont en avance sur l'équipe : sans formation ni accompagnement du personnel, ils risquent d'être mal utilisés."
        case .dataWithoutSecurity:
            "L'entreprise s'appuie beaucoup sur ses données, mais les protège peu : une panne, une fuite ou un rançongiciel la toucherait durement."
        }
    }

    /// When a gap is found. A question's 0–10 score is read ×10 to compare with them.
    public struct Thresholds: Codable, Sendable, Equatable {
        /// Q1's plans are « many » from this share of business areas with « investissement
        /// prévu » ticked: 0.3, three of the DMA's ten areas — more than a single project.
        public var plannedShare: Double
        /// A score is high from 50 of 100: the upper half of the scale, one point below the
        /// « modérément avancé » band.
        public var high: Double
        /// A score is low below 30 of 100: under a third of the scale — Q2 or Q8 with fewer than
        /// three boxes in ten ticked, dimension 3 in the « basique » band or barely above it. The
        /// margin over the band's 25 keeps one missed box from hiding the gap.
        public var low: Double

        public init(plannedShare: Double = 0.3, high: Double = 50, low: Double = 30) {
            self.plannedShare = plannedShare
            self.high = high
            self.low = low
        }
    }

    /// The gaps these answers show, in the order of `allCases`. A rule whose DMA question is
    /// missing from the questionnaire does not fire.
    public static func find(_ questionnaire: DiagnosticQuestionnaire, _ answers: [String: DiagnosticAnswer],
                            _ result: DiagnosticResult, thresholds: Thresholds = .init()) -> [DiagnosticGap] {
        func question(_ number: Int) -> Double? {
            questionnaire.question(dma: number).map { 10 * (result.questions[$0.key] ?? 0) }
        }
        var gaps: [DiagnosticGap] = []
        if let q1 = questionnaire.question(dma: 1), !q1.rows.isEmpty, let q2 = question(2) {
            var planned = 0
            if case .investment(let rows)? = answers[q1.key] {
                planned = q1.rows.filter { rows[$0.key]?.planned == true }.count
            }
            if Double(planned) / Double(q1.rows.count) >= thresholds.plannedShare && q2 < thresholds.low {
                gaps.append(.ambitionWithoutPreparation)
            }
        }
        let technology = max(result.score(.readiness), result.score(.automation))
        if technology >= thresholds.high && result.score(.humanCentric) < thresholds.low {
            gaps.append(.technologyWithoutPeople)
        }
        if let q8 = question(8), result.score(.data) >= thresholds.high && q8 < thresholds.low {
            gaps.append(.dataWithoutSecurity)
        }
        return gaps
    }
}
