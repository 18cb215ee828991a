/// How a due was paid.
public enum PaymentMethod: String, CaseIterable, Codable, Sendable {
    case transfer
    case cheque
    case cash
    case card
    case directDebit = "direct_debit"

    public var label: String {
        switch self {
        case .transfer: "Virement"
        case .cheque: "Chèque"
        case .cash: "Espèces"
        case .card: "Carte"
        case .directDebit: "Prélèvement"
        }
    }
}
