import Fluent
import GrappeDomain
import Vapor

/// Unpaid dues with days overdue (`ReminderView`); one click queues a reminder email per
/// selected due.
enum ReminderController {
    static func index(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let orgID = try await req.organisationID()
        let year = req.query[Int.self, at: "annee"].flatMap { (2000...2100).contains($0) ? $0 : nil }
        let dues = try await DueQueries.list(req.db, organisationID: orgID, year: year, state: .unpaid, limit: 1000, order: "d.due_on ASC, d.sequence ASC")
        let body = ReminderView.list(dues, year: year, now: req.now, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Relances", body: body)
    }

    static func send(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let orgID = try await req.organisationID()
        let ids = (req.content[[String].self, at: "dues"] ?? []).compactMap(UUID.init(uuidString:))
        guard !ids.isEmpty else { return req.redirect(to: Site.reminderIndex.path(), flash: "Cochez au moins une cotisation.", .error) }
        let count = try await queueReminders(dueIDs: ids, organisationID: orgID, app: req.application, user: user, on: req.db)
        return req.redirect(to: Site.reminderIndex.path(), flash: "\(French.count(count, "relance mise", "relances mises")) dans la file d'envoi.")
    }

    /// Queues one email per unpaid due (to the holder, else the company address) and notes the
    /// reminder on the due. Paid dues and dues with no address are skipped.
    static func queueReminders(dueIDs: [UUID], organisationID: UUID, app: Application, user: User?, on db: any Database) async throws -> Int {
        let now = app.now
        let org = try await app.currentOrganisation(on: db)
        return try await db.transaction { db in
            // Everything needed, loaded in a few queries whatever the number of dues.
            let dues = try await Due.query(on: db).filter(\.$id ~~ dueIDs).filter(\.$organisation.$id == organisationID)
                .with(\.$company).with(\.$membership) { $0.with(\.$holder) }.all()
            let balances = Dictionary(try await DueQueries.summaries(db, dueIDs: dueIDs).map { ($0.id, $0.balance) }, uniquingKeysWith: { a, _ in a })
            var sent = 0
            for due in dues {
                let id = try due.requireID()
                guard let balance = balances[id], balance > 0 else { continue }
                let company = due.company
                let holder = due.membership.holder
                let address = holder.flatMap { FieldCheck.isEmail($0.email) ? $0.email : nil } ?? (FieldCheck.isEmail(company.email) ? company.email : nil)
                guard let address else { continue }
                let text = DuesMails.reminder(holder: holder?.fullName, company: company.name, year: due.year, number: due.number, balance: balance,
                                              dueOn: due.dueOn, link: app.baseURL + Site.duePrintCall.path(id), organisation: org)
                try await Mailer.queue(text, to: address, organisationID: organisationID, on: db)
                due.lastRemindedAt = now
                due.reminderCount += 1
                try await due.save(on: db)
                try await Audit.record(on: db, organisationID: organisationID, user: user, entity: "due", entityID: id, action: "remind",
                                       changes: ["relance": ("", address)])
                sent += 1
            }
            return sent
        }
    }
}
