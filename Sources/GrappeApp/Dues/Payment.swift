import Fluent
import Foundation
import GrappeDomain

/// A payment against a due; several may settle one due.
final class Payment: Model, @unchecked Sendable {
    static let schema = "payments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "due_id") var due: Due
    @Field(key: "paid_on") var paidOn: Date
    @Field(key: "amount") var amount: Int
    @Enum(key: "method") var method: PaymentMethod
    @Field(key: "reference") var reference: String
    @OptionalParent(key: "recorded_by") var recordedBy: User?
    /// The bank-statement line it was recorded from (`StatementLine.fingerprint`), unique; nil
    /// for a payment typed by hand.
    @OptionalField(key: "fingerprint") var fingerprint: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(dueID: UUID, paidOn: Date, amount: Int, method: PaymentMethod, reference: String, recordedBy: UUID?, fingerprint: String? = nil) {
        self.$due.id = dueID
        self.paidOn = paidOn
        self.amount = amount
        self.method = method
        self.reference = reference
        self.$recordedBy.id = recordedBy
        self.fingerprint = fingerprint
    }
}
