/// French agreement with a count: 0 and 1 take the singular (« 0 réunion », « 1 réunion »,
/// « 2 réunions »). Used instead of « réunion(s) » wherever a number is shown.
public enum French {
    /// « 2 réunions planifiées », the number grouped as amounts are (« 1 640 »).
    public static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(Money.grouped(n)) \(word(n, singular, plural))"
    }

    /// The words alone, agreed with `n`.
    public static func word(_ n: Int, _ singular: String, _ plural: String) -> String {
        abs(n) <= 1 ? singular : plural
    }
}
