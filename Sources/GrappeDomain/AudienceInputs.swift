import Foundation

/// A programme action's « Publics » as a form gives them: one number input per audience, named
/// `aud_` and the audience's code. Read back into the stored « tpe_pme=12;handicap=4 »
/// (`AudienceCounts`), each input checked on its own.
public enum AudienceInputs {
    /// The input's name for `audience`: « aud_tpe_pme ».
    public static func field(_ audience: Audience) -> String { "aud_" + audience.rawValue }

    /// The inputs to show: the audiences the programme's indicators count (`indicatorAudiences`,
    /// codes or labels) and those the action already holds (`stored`), in the enum's order;
    /// every audience when neither names one.
    public static func shown(indicatorAudiences: [String], stored: String) -> [Audience] {
        var wanted = Set(indicatorAudiences.compactMap { Audience(loose: $0) })
        wanted.formUnion(AudienceCounts.parse(stored).keys.compactMap { Audience(rawValue: $0) })
        return wanted.isEmpty ? Audience.allCases : Audience.allCases.filter(wanted.contains)
    }

    /// The form's values for the stored text: « aud_tpe_pme » → « 12 ».
    public static func values(_ stored: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: AudienceCounts.parse(stored).compactMap { code, n in
            Audience(rawValue: code).map { (field($0), String(n)) }
        })
    }

    /// The stored text and the French message per input that is not a whole number ≥ 0.
    /// `typed`: input name → text; empty inputs count as nothing.
    public static func read(_ typed: [String: String]) -> (text: String, errors: [String: String]) {
        var counts: [String: Int] = [:]
        var errors: [String: String] = [:]
        for audience in Audience.allCases {
            let raw = (typed[field(audience)] ?? "").trimmingCharacters(in: .whitespaces)
            guard !raw.isEmpty else { continue }
            if let n = Int(raw), n >= 0, n <= 100_000 {
                counts[audience.rawValue] = n
            } else {
                errors[field(audience)] = "« \(audience.label) » : un nombre entier de 0 à 100 000."
            }
        }
        return (AudienceCounts.serialize(counts), errors)
    }
}
