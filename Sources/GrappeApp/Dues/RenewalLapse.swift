import Fluent
import Foundation
import GrappeDomain
import SQLKit
import Vapor

/// The hourly job of the renewal (`PeriodicJob`): a membership renewed by the call that has
/// neither the member's confirmation nor any payment (`RenewalRule`) gets a reminder some days
/// before its lapse date, then is lapsed (« non renouvelé ») the day after. Its lapse date is
/// the one in `RenewalSettings`, never before its due's own date: a company is not lapsed for
/// a call it could not yet have paid. Each step is claimed in the database by one statement
/// (`reminded_at` set, the status moved from active), so that two instances never do it twice.
enum RenewalLapse {
    struct Pending {
        let membershipID: UUID
        let companyID: UUID
        let companyName: String
        let address: String?
        let holder: String?
        let dueOn: Date
    }

    @discardableResult
    static func run(app: Application, now: Date) async throws -> (reminded: Int, lapsed: Int) {
        let org = try await app.currentOrganisation(on: app.db)
        let settings = try await RenewalSettings.of(org.id, on: app.db)
        let year = FrenchDate.year(of: now)
        let lapseDate = RenewalRule.lapseDate(year: year, month: settings.lapseMonth, day: settings.lapseDay, calendar: FrenchDate.calendar)
        var reminded = 0, lapsed = 0
        for p in try await pending(app.db, organisationID: org.id, year: year) {
            let date = max(lapseDate, p.dueOn)
            switch RenewalRule.step(today: now, lapseDate: date, reminderDays: settings.reminderDays, calendar: FrenchDate.calendar) {
            case .wait: continue
            case .remind:
                if try await remind(p, year: year, lapseOn: date, organisation: org, baseURL: app.baseURL, now: now, on: app.db) { reminded += 1 }
            case .lapse:
                if try await lapse(p, year: year, lapseOn: date, organisationID: org.id, on: app.db) { lapsed += 1 }
            }
        }
        return (reminded, lapsed)
    }

    /// The active memberships of `year` renewed from `year - 1`, with a due, nothing paid and no confirmation.
    static func pending(_ db: any Database, organisationID: UUID, year: Int) async throws -> [Pending] {
        try await db.sql.raw("""
            SELECT m.id AS membership_id, m.company_id, c.name, c.email AS company_email, p.first_name, p.last_name, p.email AS holder_email, d.due_on
            FROM memberships m JOIN companies c ON c.id = m.company_id
            JOIN dues d ON d.membership_id = m.id
            JOIN memberships prev ON prev.company_id = m.company_id AND prev.year = m.year - 1 AND prev.status = 'active'
            LEFT JOIN people p ON p.id = m.holder_id
            WHERE c.organisation_id = \(bind: organisationID) AND m.year = \(bind: year) AND m.status = 'active' AND d.paid = 0
            AND NOT EXISTS (SELECT 1 FROM renewals r WHERE r.company_id = m.company_id AND r.year = m.year AND r.confirmed_at IS NOT NULL)
            """).all().map { row in
                let holderEmail = try row.decode(column: "holder_email", as: String?.self) ?? ""
                let companyEmail = try row.decode(column: "company_email", as: String.self)
                let first = try row.decode(column: "first_name", as: String?.self)
                let last = try row.decode(column: "last_name", as: String?.self)
                return Pending(membershipID: try row.decode(column: "membership_id", as: UUID.self), companyID: try row.decode(column: "company_id", as: UUID.self),
                               companyName: try row.decode(column: "name", as: String.self),
                               address: FieldCheck.isEmail(holderEmail) ? holderEmail : (FieldCheck.isEmail(companyEmail) ? companyEmail : nil),
                               holder: first.map { "\($0) \(last ?? "")" }, dueOn: try row.decode(column: "due_on", as: Date.self))
            }
    }

    static func remind(_ p: Pending, year: Int, lapseOn: Date, organisation: OrganisationProfile, baseURL: String, now: Date, on db: any Database) async throws -> Bool {
        guard let address = p.address else { return false }
        return try await db.transaction { db in
            try await db.sql.raw("""
                INSERT INTO renewals (id, company_id, year) VALUES (\(bind: UUID()), \(bind: p.companyID), \(bind: year)) ON CONFLICT (company_id, year) DO NOTHING
                """).run()
            let claimed = try await db.sql.raw("""
                UPDATE renewals SET reminded_at = \(bind: now)
                WHERE company_id = \(bind: p.companyID) AND year = \(bind: year) AND reminded_at IS NULL AND confirmed_at IS NULL RETURNING id
                """).first()
            guard claimed != nil else { return false }
            let text = RenewalMails.lapseReminder(holder: p.holder, company: p.companyName, year: year, lapseOn: lapseOn,
                                                  link: baseURL + Site.memberShow.path(p.companyID) + "#renouvellement", organisation: organisation)
            try await Mailer.queue(text, to: address, organisationID: organisation.id, on: db)
            return true
        }
    }

    static func lapse(_ p: Pending, year: Int, lapseOn: Date, organisationID: UUID, on db: any Database) async throws -> Bool {
        try await db.transaction { db in
            let claimed = try await db.sql.raw("""
                UPDATE memberships SET status = 'lapsed' WHERE id = \(bind: p.membershipID) AND status = 'active'
                AND NOT EXISTS (SELECT 1 FROM dues d WHERE d.membership_id = memberships.id AND d.paid > 0)
                AND NOT EXISTS (SELECT 1 FROM renewals r WHERE r.company_id = memberships.company_id AND r.year = memberships.year AND r.confirmed_at IS NOT NULL)
                RETURNING id
                """).first()
            guard claimed != nil else { return false }
            try await Audit.record(on: db, organisationID: organisationID, user: nil, entity: "company", entityID: p.companyID, action: "lapse",
                                   changes: ["adhésion \(year) statut": (MembershipStatus.active.label, MembershipStatus.lapsed.label)],
                                   reason: "Ni confirmation ni paiement au \(FrenchDate.long(lapseOn))")
            return true
        }
    }
}
