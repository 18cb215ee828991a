import Fluent
import Foundation
import GrappeDomain

/// The cluster's bank details (Réglages › Coordonnées bancaires), printed on every call for dues
/// and due page. At most one row per organisation; none means not set yet.
final class PaymentSettings: OrganisationSettingsRow, @unchecked Sendable {
    static let schema = "payment_settings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    /// Compact, upper case (printed in groups of four).
    @Field(key: "iban") var iban: String
    @Field(key: "bic") var bic: String
    @Field(key: "bank_name") var bankName: String
    @Field(key: "account_holder") var accountHolder: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(organisationID: UUID) {
        self.$organisation.id = organisationID
        iban = ""; bic = ""; bankName = ""; accountHolder = ""
    }

    static var organisationIDField: KeyPath<PaymentSettings, FieldProperty<PaymentSettings, UUID>> { \.$organisation.$id }

    var details: BankDetails {
        BankDetails(iban: iban, bic: bic, bankName: bankName, accountHolder: accountHolder)
    }
}

/// The bank details as printed, without a database.
struct BankDetails: Equatable, Sendable {
    let iban: String
    let bic: String
    let bankName: String
    let accountHolder: String

    var isSet: Bool { !iban.isEmpty }
    /// The RIB inside a French-layout IBAN (bank, branch, account, key), as printed; nil otherwise.
    var rib: String? {
        let compact = Array(BankAccount.compactIBAN(iban))
        guard compact.count == 27, BankAccount.ribProblem(String(compact.dropFirst(4))) == nil else { return nil }
        let r = compact.dropFirst(4).map(String.init)
        return [r[0..<5], r[5..<10], r[10..<21], r[21..<23]].map { $0.joined() }.joined(separator: " ")
    }
}
