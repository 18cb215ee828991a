/// What keeps a questionnaire version from being used, in French, one message per problem;
/// empty when it can be published.
extension DiagnosticQuestionnaire {
    public static let titleLength = 1...200
    public static let textLength = 1...1000

    public func problems() -> [String] {
        var problems: [String] = []
        if version < 1 { problems.append("Le numéro de version doit être un entier positif.") }
        let name = FieldCheck.trimmed(title)
        if name.isEmpty { problems.append("Le titre du questionnaire est obligatoire.") }
        else if name.count > Self.titleLength.upperBound { problems.append("Le titre du questionnaire fait \(Self.titleLength.upperBound) caractères au plus.") }

        var seenKeys: Set<String> = []
        var seenDMA: Set<Int> = []
        for question in questions {
            if !seenKeys.insert(question.key).inserted {
                problems.append("La clé « \(question.key) » est utilisée par plusieurs questions.")
            }
            if let number = question.dmaNumber {
                if !seenDMA.insert(number).inserted {
                    problems.append("La question Q\(number) du DMA apparaît plusieurs fois.")
                }
            }
            problems += question.problems()
        }
        for dimension in DiagnosticDimension.allCases
        where !questions.contains(where: { $0.dimension == dimension && $0.role == .scored }) {
            problems.append("La dimension « \(dimension.title) » n'a aucune question comptée dans son score.")
        }
        return problems
    }
}

extension DiagnosticQuestion {
    /// Whether a key is made of lower-case ASCII letters, digits, `_`, `-` or `.`, 1–60 long.
    public static func isValidKey(_ key: String) -> Bool {
        (1...60).contains(key.count) && key.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || "_-.".contains($0)) }
    }

    /// This question's own problems, each naming it.
    public func problems() -> [String] {
        let name = title.isEmpty ? "« \(key) »" : "« \(title) »"
        var problems: [String] = []
        func add(_ message: String) { problems.append("Question \(name) : \(message)") }

        if !Self.isValidKey(key) {
            add("la clé « \(key.prefix(60)) » est invalide (lettres minuscules sans accent, chiffres, « _ », « - » ou « . », 60 caractères au plus).")
        }
        if FieldCheck.trimmed(title).isEmpty { add("le titre est obligatoire.") }
        else if title.count > DiagnosticQuestionnaire.titleLength.upperBound { add("le titre fait \(DiagnosticQuestionnaire.titleLength.upperBound) caractères au plus.") }
        if FieldCheck.trimmed(text).isEmpty { add("le texte de la question est obligatoire.") }
        else if text.count > DiagnosticQuestionnaire.textLength.upperBound { add("le texte fait \(DiagnosticQuestionnaire.textLength.upperBound) caractères au plus.") }

        if let number = dmaNumber {
            if let expected = DiagnosticDimension.forDMAQuestion(number) {
                if dimension != expected { add("la question Q\(number) du DMA appartient à la dimension « \(expected.title) ».") }
                let kind = DiagnosticQuestionnaire.dmaKind(number)
                if self.kind != kind { add("la question Q\(number) du DMA est du type « \(kind.label) ».") }
            } else {
                add("le DMA n'a pas de question Q\(number) (Q1 à Q11).")
            }
        }
        if role == .scored && !onlyFor.isEmpty {
            add("une question comptée dans le score doit être posée à toutes les entreprises ; rendez-la informative ou posez-la à tous.")
        }

        if kind.hasRows {
            if rows.isEmpty { add("ajoutez au moins une ligne.") }
            if !options.isEmpty { add("ce type de question a des lignes, pas de réponses à cocher.") }
            problems += duplicateKeys(rows.map(\.key), what: "ligne").map { "Question \(name) : \($0)" }
            for row in rows where FieldCheck.trimmed(row.label).isEmpty { add("la ligne « \(row.key) » n'a pas de libellé.") }
        } else {
            if options.count < 2 { add("proposez au moins deux réponses.") }
            if !rows.isEmpty { add("une question à choix multiples n'a pas de lignes.") }
            problems += duplicateKeys(options.map(\.key), what: "réponse").map { "Question \(name) : \($0)" }
            for option in options {
                if FieldCheck.trimmed(option.label).isEmpty { add("la réponse « \(option.key) » n'a pas de libellé.") }
                if !Option.pointsRange.contains(option.points) {
                    add("la réponse « \(option.label) » vaut \(option.points) points ; les points vont de \(Option.pointsRange.lowerBound) à \(Option.pointsRange.upperBound).")
                }
                if option.exclusive && option.points != 0 {
                    add("la réponse exclusive « \(option.label) » est une réponse négative : elle ne rapporte aucun point.")
                }
            }
            if options.filter(\.exclusive).count > 1 { add("une seule réponse exclusive au plus.") }
            if !options.contains(where: { !$0.exclusive && $0.points > 0 }) { add("aucune réponse ne rapporte de points.") }
        }
        return problems
    }

    private func duplicateKeys(_ keys: [String], what: String) -> [String] {
        var seen: Set<String> = []
        var messages: [String] = []
        for key in keys {
            if !Self.isValidKey(key) { messages.append("la clé de \(what) « \(key.prefix(60)) » est invalide.") }
            if !seen.insert(key).inserted { messages.append("la clé de \(what) « \(key) » est utilisée deux fois.") }
        }
        return messages
    }
}
