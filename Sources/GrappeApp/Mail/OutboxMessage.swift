import Fluent
import Foundation

/// An email waiting to be sent, sent, or failed. Nothing is ever sent directly: everything goes
/// through here, so tests read the outbox and staff see failures.
final class OutboxMessage: Model, @unchecked Sendable {
    static let schema = "outbox_messages"

    enum Status: String, Codable, CaseIterable, Sendable {
        case pending, sent, failed

        var label: String {
            switch self {
            case .pending: "En attente"
            case .sent: "Envoyé"
            case .failed: "Échec"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "recipient") var recipient: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @Field(key: "kind") var kind: String
    @Enum(key: "status") var status: Status
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @Field(key: "last_error") var lastError: String
    @OptionalField(key: "sent_at") var sentAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Extra headers, one "Name: value" per line (List-Unsubscribe…).
    @OptionalField(key: "headers") var headers: String?
    @OptionalField(key: "newsletter_id") var newsletterID: UUID?
    /// An iCalendar invitation sent as a `text/calendar` part beside the text (`METHOD` read from it).
    @OptionalField(key: "calendar") var calendar: String?

    var extraHeaders: [(String, String)] {
        (headers ?? "").split(separator: "\n").compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
    }

    init() {}

    init(organisationID: UUID, recipient: String, subject: String, body: String, kind: String) {
        self.$organisation.id = organisationID
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.kind = kind
        self.status = .pending
        self.attempts = 0
        self.nextAttemptAt = Date()
        self.lastError = ""
    }
}
