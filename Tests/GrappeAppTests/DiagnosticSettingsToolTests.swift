import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// The diagnostic's settings over HTTP: the grant's rules and the retention, checked by the
    /// domain, stored in one row created on the first save and read back by `DiagnosticSettings.of`.
    @Suite struct DiagnosticSettingsToolTests {
        static func fields(rate: String = "40", cap: String = "200 000", retention: String = "24", communes: [String] = ["Nouméa", "Dumbéa", "Koné"]) -> [(String, String)] {
            [("activities", "craft"), ("maxHeadcount", "10"), ("requiresRIDET", "1"), ("ratePercent", rate), ("cap", cap), ("retentionMonths", retention)]
                + communes.map { ("communes", $0) }
        }

        @Test func theGrantsRulesAndTheRetentionAreSavedAndReadBack() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let orgID = try await Fixtures.organisationID(app)
                let page = try await staff.get("/admin/diagnostics/reglages")
                #expect(page.status == .ok && page.body.contains("Province des Îles Loyauté") && page.body.contains("value=\"36\""))
                #expect(page.body.contains("name=\"communes\" value=\"Nouméa\" checked") && !page.body.contains("name=\"communes\" value=\"Koné\" checked"))
                #expect(try await staff.get("/organisation").body.contains("href=\"/admin/diagnostics/reglages\""), "linked from Réglages")

                // Refused: a rate out of range, a cap with centimes, a retention too long, no commune; nothing saved.
                let rate = try await staff.post("/admin/diagnostics/reglages", Self.fields(rate: "0"))
                #expect(rate.status == .badRequest && rate.body.contains("Le taux de l&#39;aide va de 1 à 100 %.") && rate.body.contains("value=\"0\""))
                let cap = try await staff.post("/admin/diagnostics/reglages", Self.fields(cap: "12 500,50"))
                #expect(cap.status == .badRequest && cap.body.contains("Le plafond est un montant entier en francs XPF, sans centimes"))
                let retention = try await staff.post("/admin/diagnostics/reglages", Self.fields(retention: "200"))
                #expect(retention.status == .badRequest && retention.body.contains("La durée de conservation va de 1 à 120 mois."))
                let nowhere = try await staff.post("/admin/diagnostics/reglages", Self.fields(communes: []))
                #expect(nowhere.status == .badRequest && nowhere.body.contains("Choisissez au moins une commune éligible."))
                #expect(try await DiagnosticSettings.query(on: app.db).count() == 0)

                #expect(try await staff.post("/admin/diagnostics/reglages", Self.fields()).status == .seeOther)
                let saved = try await DiagnosticSettings.of(orgID, on: app.db)
                #expect(saved.grantRules == GrantRules(activities: [.craft], communes: ["Nouméa", "Dumbéa", "Koné"], maxHeadcount: 10, requiresRIDET: true,
                                                       ratePercent: 40, cap: 200_000))
                #expect(saved.retentionMonths == 24)
                #expect(try await staff.post("/admin/diagnostics/reglages", Self.fields(retention: "12")).status == .seeOther)
                #expect(try await DiagnosticSettings.query(on: app.db).count() == 1)
                #expect(try await DiagnosticSettings.of(orgID, on: app.db).retentionMonths == 12)
                #expect(try await staff.get("/admin/diagnostics/reglages").body.contains("name=\"communes\" value=\"Koné\" checked"))
            }
        }
    }
}
