import GrappeDomain

/// French order in SQL, the same on SQLite (no ICU) and PostgreSQL (whose ICU collations depend
/// on the server's build): the column's accents replaced by their letters (`FrenchOrder`), then
/// lowered, then the column itself as tie-break. Matches `FrenchOrder.precedes` for French text.
enum SQLFrenchOrder {
    /// The folded sort key of `column` — a column name written in the code, never user input.
    static func key(_ column: String) -> String {
        var expression = column
        for (letter, folded) in FrenchOrder.foldedLetters {
            expression = "REPLACE(\(expression), '\(letter)', '\(folded)')"
        }
        return "LOWER(\(expression))"
    }

    /// `ORDER BY` terms sorting `column` in French order, in `direction` (`ASC` or `DESC`).
    static func order(_ column: String, _ direction: String = "ASC") -> String {
        "\(key(column)) \(direction), \(column) \(direction)"
    }
}
