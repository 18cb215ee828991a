import Fluent
import Foundation
import SQLKit
import Vapor

/// The reminder of the day before, to the business and the advisor. Each diagnostic is claimed
/// in the database (`reminded_at` set by one `UPDATE … RETURNING`), so that of several instances
/// running this job exactly one queues its reminders; moving the appointment clears the claim.
enum DiagnosticReminders {
    @discardableResult
    static func queue(app: Application, now: Date, hours: Double = 24) async throws -> Int {
        let due = try await Diagnostic.query(on: app.db).filter(\.$status == .planned).filter(\.$remindedAt == nil)
            .filter(\.$startsAt > now).filter(\.$startsAt <= now.addingTimeInterval(hours * 3600))
            .with(\.$request).with(\.$advisorUser).with(\.$advisorPerson).all()
        guard !due.isEmpty else { return 0 }
        let org = try await app.currentOrganisation(on: app.db)
        var sent = 0
        for d in due {
            let queued = try await app.db.transaction { db -> Bool in
                let claimed = try await db.sql.raw("""
                    UPDATE diagnostics SET reminded_at = \(bind: now) WHERE id = \(bind: try d.requireID()) AND reminded_at IS NULL AND status = 'planned' RETURNING id
                    """).first()
                guard claimed != nil else { return false }
                try await DiagnosticPlanning.notify(d, request: d.request, advisor: DiagnosticPlanning.advisor(of: d), moment: .reminder,
                                                    organisation: org, now: now, on: db, interviewLink: app.baseURL + Site.diagnosticInterview.path(try d.requireID()))
                return true
            }
            if queued { sent += 1 }
        }
        return sent
    }
}
