import Foundation

/// Matches a statement's credits to open dues: by the structured reference found in the label
/// or reference first, then by exact amount and payer name (folded, found in the label). Each
/// credit lands in one group of the preview: matched, to check (a guess, or a reference that does
/// not fit), unknown. Debits are set apart, and lines already recorded (same fingerprint) too.
public enum StatementMatching {
    /// An open due as the matching sees it.
    public struct OpenDue: Equatable, Sendable {
        public let id: UUID
        public let reference: PaymentReference
        public let balance: Int
        /// The company's names (trade and legal name) and the holder's.
        public let payerNames: [String]

        public init(id: UUID, reference: PaymentReference, balance: Int, payerNames: [String]) {
            self.id = id
            self.reference = reference
            self.balance = balance
            self.payerNames = payerNames
        }
    }

    public enum Group: String, Equatable, Sendable, CaseIterable {
        case matched, toCheck = "to_check", unknown, debit, alreadyRecorded = "already_recorded"
    }

    public struct Proposal: Equatable, Sendable {
        public let line: StatementLine
        public let group: Group
        /// The due proposed (matched, or the best guess to check); nil when none.
        public let dueID: UUID?
        /// Why, in French (« référence OPEN-2026-0042-K », « montant et nom »…).
        public let reason: String
    }

    public static func propose(_ lines: [StatementLine], dues: [OpenDue], prefix: String, recorded: Set<String>) -> [Proposal] {
        lines.map { propose($0, dues: dues, prefix: prefix, recorded: recorded) }
    }

    static func propose(_ line: StatementLine, dues: [OpenDue], prefix: String, recorded: Set<String>) -> Proposal {
        if recorded.contains(line.fingerprint) { return Proposal(line: line, group: .alreadyRecorded, dueID: nil, reason: "Déjà enregistré lors d'un import précédent.") }
        guard line.isCredit else { return Proposal(line: line, group: .debit, dueID: nil, reason: "Débit : ignoré.") }
        switch PaymentReference.find(in: line.label + " " + line.reference, prefix: prefix) {
        case .reference(let reference):
            guard let due = dues.first(where: { $0.reference == reference }) else {
                return Proposal(line: line, group: .toCheck, dueID: nil, reason: "Référence \(reference) : aucune cotisation ouverte sous ce numéro.")
            }
            guard line.amount <= due.balance else {
                return Proposal(line: line, group: .toCheck, dueID: due.id, reason: "Référence \(reference), mais le montant dépasse le reste dû (\(Money.xpf(due.balance))).")
            }
            return Proposal(line: line, group: .matched, dueID: due.id, reason: "Référence \(reference).")
        case .mistyped(let text):
            return Proposal(line: line, group: .toCheck, dueID: nil, reason: "Référence « \(text) » mal saisie (caractère de contrôle faux).")
        case .none:
            break
        }
        let label = " " + words(line.label) + " "
        let named = dues.filter { due in due.payerNames.contains { name in
            let folded = words(name)
            return !folded.isEmpty && label.contains(" " + folded + " ")
        } }
        let sameAmount = dues.filter { $0.balance == line.amount }
        let both = named.filter { $0.balance == line.amount }
        if both.count == 1 { return Proposal(line: line, group: .matched, dueID: both[0].id, reason: "Montant et nom du payeur.") }
        if both.count > 1 { return Proposal(line: line, group: .toCheck, dueID: both[0].id, reason: "Plusieurs cotisations de ce payeur à ce montant.") }
        if named.count >= 1, let due = named.first(where: { line.amount <= $0.balance }) {
            return Proposal(line: line, group: .toCheck, dueID: due.id, reason: "Nom du payeur, montant différent du reste dû.")
        }
        if sameAmount.count == 1 { return Proposal(line: line, group: .toCheck, dueID: sameAmount[0].id, reason: "Même montant, payeur non reconnu.") }
        return Proposal(line: line, group: .unknown, dueID: nil, reason: sameAmount.isEmpty ? "Ni référence, ni payeur reconnu." : "Plusieurs cotisations à ce montant.")
    }

    /// Folded words separated by single spaces: « VIR SARL Cœur-de-Filière » → "vir sarl coeur de filiere".
    static func words(_ text: String) -> String {
        TextFolding.fold(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }
}
