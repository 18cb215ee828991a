import Foundation
import GrappeDomain

/// The cluster's bank details and a due's payment reference, as printed on the call for dues
/// and shown on the due's page; `mailText`: the same for an email.
enum BankDetailsView {
    static func block(_ bank: BankDetails, reference: PaymentReference?) -> HTML {
        let referenceLine: HTML = reference.map { "<dt>Référence à indiquer</dt><dd><strong class=\"payment-reference\">\($0.description)</strong></dd>" } ?? .empty
        guard bank.isSet else {
            return reference == nil ? .empty : "<dl class=\"details bank-details\">\(referenceLine)</dl>"
        }
        return """
        <section class="bank-details" aria-label="Coordonnées bancaires"><h2>Régler par virement</h2>
        <dl class="details">
        <dt>Titulaire</dt><dd>\(bank.accountHolder)</dd>
        <dt>Banque</dt><dd>\(bank.bankName)</dd>
        <dt>IBAN</dt><dd>\(BankAccount.printedIBAN(bank.iban))</dd>
        \(bank.rib.map { "<dt>RIB</dt><dd>\($0)</dd>" as HTML } ?? .empty)
        \(bank.bic.isEmpty ? .empty : "<dt>BIC</dt><dd>\(bank.bic)</dd>" as HTML)
        \(referenceLine)
        </dl></section>
        """
    }

    /// The lines an email gives for a transfer (empty when the bank details are not set).
    static func mailText(_ bank: BankDetails, reference: PaymentReference?) -> String {
        guard bank.isSet else { return reference.map { "Référence à rappeler : \($0)" } ?? "" }
        return ["Pour régler par virement :", "Titulaire : \(bank.accountHolder)", "Banque : \(bank.bankName)",
                "IBAN : \(BankAccount.printedIBAN(bank.iban))", bank.rib.map { "RIB : \($0)" } ?? "", bank.bic.isEmpty ? "" : "BIC : \(bank.bic)",
                reference.map { "Référence à indiquer : \($0)" } ?? ""].filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
