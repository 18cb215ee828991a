/// An email's words — subject, body, and the kind the outbox files it under. Every text Grappe
/// sends is written in this folder, one file per feature; the features fill in the facts and
/// queue it (`Mailer.queue(_:to:organisationID:on:)`).
struct MailText: Sendable, Equatable {
    let subject: String
    let body: String
    let kind: String
}
