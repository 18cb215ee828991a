import Foundation

/// A way of getting paid. Every method Grappe knows today is recorded by staff at the desk
/// (`DeskChannel`): the money arrives by transfer, cheque, cash, card terminal or direct debit, and
/// staff record it against a due (by hand, or from a bank statement).
public protocol PaymentChannel: Sendable {
    var method: PaymentMethod { get }
    /// Whether a member can pay online by itself (a gateway), or staff record the payment.
    var isOnline: Bool { get }
}

/// A payment recorded by staff.
public struct DeskChannel: PaymentChannel {
    public let method: PaymentMethod
    public var isOnline: Bool { false }
    public init(_ method: PaymentMethod) { self.method = method }
}

/// What an online card gateway would implement (the territory's Epay NC or CF-Pay): start the
/// payment of a due's balance, sending the payer to the gateway's page, then confirm it from the
/// gateway's callback, which yields the payment to record. None is implemented: those gateways
/// are not reachable from here, and a fake one would be worse than none. Adding one means a type
/// conforming to this protocol, registered in `PaymentChannels.gateways`.
public protocol PaymentGateway: PaymentChannel {
    /// Where to send the payer to pay `amount` XPF for the due referenced `reference`.
    func start(reference: PaymentReference, amount: Int, returnURL: String) async throws -> URL
    /// Reads the gateway's callback (its signed fields) and says what was paid, or nil for a
    /// refused or cancelled payment.
    func confirm(callback: [String: String]) async throws -> GatewayConfirmation?
}

/// A payment confirmed by a gateway, ready to be recorded against its due.
public struct GatewayConfirmation: Equatable, Sendable {
    public let reference: PaymentReference
    public let amount: Int
    public let paidOn: Date
    /// The gateway's transaction id, kept as the payment's reference and fingerprint.
    public let transactionID: String

    public init(reference: PaymentReference, amount: Int, paidOn: Date, transactionID: String) {
        self.reference = reference
        self.amount = amount
        self.paidOn = paidOn
        self.transactionID = transactionID
    }
}

/// The channels in use: one desk channel per method, and no gateway.
public enum PaymentChannels {
    public static let desk: [any PaymentChannel] = PaymentMethod.allCases.map(DeskChannel.init)
    /// Online gateways; empty until one is reachable (see `PaymentGateway`).
    public static let gateways: [any PaymentGateway] = []
    public static var all: [any PaymentChannel] { desk + gateways.map { $0 as any PaymentChannel } }
}
