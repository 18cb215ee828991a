import Fluent
import Foundation
import GrappeDomain
import Logging

/// A diagnostic request's contact (name, email, phone, the message they wrote) is a person's
/// data: it is exported and erased with the rest of their data (`PrivacyService`), and erased
/// by the hourly job once the organisation's retention (`DiagnosticSettings.retentionMonths`,
/// Réglages) has passed since the request's last activity. Erasing blanks those fields and sets
/// `erased_at`; the company's facts (name, RIDET, activity, commune, headcount, consent to the
/// statistics) and the diagnostic stay, so the figures stay true. The advisor's notes stay too:
/// they are about the business, not about the person who asked.
enum DiagnosticContactPrivacy {
    /// The requests an address sent, as the personal-data export lists them.
    static func export(email: String, on db: any Database) async throws -> [[String: String]] {
        guard !email.isEmpty else { return [] }
        return try await DiagnosticRequest.query(on: db).filter(\.$contactEmail == email).sort(\.$createdAt).all().map { r in
            ["entreprise": r.companyName, "contact": r.contactName, "email": r.contactEmail, "telephone": r.contactPhone, "message": r.message,
             "statistiques": r.statisticsConsent ? "accord donné" : "pas d'accord", "statut": r.status.label,
             "le": FrenchDate.iso(r.createdAt ?? r.consentAt ?? Date(timeIntervalSince1970: 0))]
        }
    }

    /// Erases the contact of every request sent from `email` (inside the caller's transaction).
    static func erase(email: String, now: Date, on db: any Database) async throws {
        guard !email.isEmpty else { return }
        try await blank(DiagnosticRequest.query(on: db).filter(\.$contactEmail == email), now: now)
    }

    /// Erases the contacts whose retention is over; returns how many requests were erased.
    /// The last activity is the latest of the request and its diagnostic's appointment or
    /// closing; a request never planned counts from its arrival.
    @discardableResult
    static func eraseExpired(_ db: any Database, now: Date, logger: Logger? = nil) async throws -> Int {
        var erased = 0
        for organisationID in try await Organisation.query(on: db).all(\.$id) {
            let months = try await DiagnosticSettings.of(organisationID, on: db).retentionMonths
            let cutoff = Retention.oldestKept(now: now, months: months, calendar: FrenchDate.calendar)
            let candidates = try await DiagnosticRequest.query(on: db).filter(\.$organisation.$id == organisationID)
                .filter(\.$erasedAt == nil).filter(\.$createdAt <= cutoff).all()
            guard !candidates.isEmpty else { continue }
            let diagnostics = try await Diagnostic.query(on: db).filter(\.$request.$id ~~ candidates.compactMap(\.id)).all()
            let latest = Dictionary(grouping: diagnostics, by: { $0.$request.id }).mapValues { list in
                list.map { d -> Date in d.status == .cancelled ? .distantPast : (d.closedAt ?? d.startsAt) }.max() ?? .distantPast
            }
            let expired = candidates.filter { r in max(r.createdAt ?? .distantPast, latest[r.id!] ?? .distantPast) <= cutoff }.compactMap(\.id)
            guard !expired.isEmpty else { continue }
            try await blank(DiagnosticRequest.query(on: db).filter(\.$id ~~ expired), now: now)
            erased += expired.count
        }
        if erased > 0 { logger?.info("Diagnostics : coordonnées effacées au terme de leur conservation (\(ReportFigure.count(erased, "demande", "demandes"))).") }
        return erased
    }

    private static func blank(_ query: QueryBuilder<DiagnosticRequest>, now: Date) async throws {
        try await query.filter(\.$erasedAt == nil)
            .set(\.$contactName, to: "").set(\.$contactEmail, to: "").set(\.$contactPhone, to: "").set(\.$message, to: "")
            .set(\.$erasedAt, to: now).update()
    }
}
