import Fluent
import GrappeDomain
import Vapor

/// Unpaid dues with days overdue (`ReminderView`); the ticked ones lead to a preview of the
/// message, then a confirmation queues a reminder email per due.
enum ReminderController {
    static func index(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let orgID = try await req.organisationID()
        let year = req.query[Int.self, at: "annee"].flatMap { (2000...2100).contains($0) ? $0 : nil }
        let dues = try await DueQueries.list(req.db, organisationID: orgID, year: year, state: .unpaid, limit: 1000, order: "d.due_on ASC, d.sequence ASC")
        let body = ReminderView.list(dues, year: year, now: req.now, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Relances", body: body)
    }

    /// Without `confirme`, the ticked dues lead to the preview (the message as it will be sent,
    /// the recipients, and a button saying how many go out); with it, the reminders are queued.
    static func send(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let orgID = try await req.organisationID()
        let ids = (req.content[[String].self, at: "dues"] ?? []).compactMap(UUID.init(uuidString:))
        guard !ids.isEmpty else { return req.redirect(to: Site.reminderIndex.path(), flash: "Cochez au moins une cotisation.", .error) }
        guard req.content[String.self, at: "confirme"] == "1" else {
            let batch = try await ReminderBatch.load(dueIDs: ids, organisationID: orgID, app: req.application, on: req.db)
            return try await Layout.page(req, title: "Aperçu des relances", body: ReminderView.preview(batch, csrf: CSRF.hiddenField(req)))
        }
        let count = try await queueReminders(dueIDs: ids, organisationID: orgID, app: req.application, user: user, on: req.db)
        return req.redirect(to: Site.reminderIndex.path(), flash: "\(French.count(count, "relance mise", "relances mises")) dans la file d'envoi.")
    }

    /// Queues one email per unpaid due with an address (`ReminderBatch`) and notes the
    /// reminder on the due, in one transaction.
    static func queueReminders(dueIDs: [UUID], organisationID: UUID, app: Application, user: User?, on db: any Database) async throws -> Int {
        let now = app.now
        return try await db.transaction { db in
            let batch = try await ReminderBatch.load(dueIDs: dueIDs, organisationID: organisationID, app: app, on: db)
            for entry in batch.entries {
                let due = entry.due
                try await Mailer.queue(entry.text, to: entry.address, organisationID: organisationID, on: db)
                due.lastRemindedAt = now
                due.reminderCount += 1
                try await due.save(on: db)
                try await Audit.record(on: db, organisationID: organisationID, user: user, entity: "due", entityID: try due.requireID(), action: "remind",
                                       changes: ["relance": ("", entry.address)])
            }
            return batch.entries.count
        }
    }
}
