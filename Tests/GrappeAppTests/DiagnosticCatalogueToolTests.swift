import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// The staff's action catalogue over HTTP: entries created and changed with the domain's
    /// checks (whole XPF cost, known prerequisites without a circle, the directory's domains),
    /// keys made from titles and kept, deletion refused while another entry needs it, moving up.
    @Suite struct DiagnosticCatalogueToolTests {
        static func entry(_ title: String, cost: String = "120 000", prerequisites: [String] = [], competences: [String] = ["Cybersécurité"]) -> [(String, String)] {
            [("title", title), ("details", "Détails"), ("dimension", "readiness"), ("impact", "3"), ("effort", "1"), ("cost", cost),
             ("grantEligible", "1"), ("gaps", "technology_without_people")]
                + prerequisites.map { ("prerequisites", $0) } + competences.map { ("competences", $0) }
        }

        static func record(_ app: Application, _ key: String) async throws -> DiagnosticActionRecord? {
            try await DiagnosticActionRecord.query(on: app.db).filter(\.$key == key).first()
        }

        @Test func entriesAreCheckedCreatedAndChanged() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let count = try await DiagnosticActionRecord.query(on: app.db).count()
                let list = try await staff.get("/admin/diagnostics/actions")
                #expect(list.status == .ok && list.body.contains("Feuille de route numérique") && list.body.contains("Stratégie numérique"))
                let form = try await staff.get("/admin/diagnostics/actions/nouvelle")
                #expect(form.status == .ok && form.body.contains("value=\"Cybersécurité\"") && form.body.contains("value=\"roadmap\""))

                // Refused, with the domain's words and what was typed kept; nothing saved.
                for cost in ["1.5", "12 500,50"] {
                    let page = try await staff.post("/admin/diagnostics/actions/nouvelle", Self.entry("Caisse <connectée>", cost: cost))
                    #expect(page.status == .badRequest && page.body.contains("Le coût indicatif doit être un montant entier en francs XPF, sans centimes (par exemple 150 000)."))
                    #expect(page.body.contains("value=\"\(cost)\"") && page.body.contains("value=\"Caisse &lt;connectée&gt;\""))
                }
                let unknown = try await staff.post("/admin/diagnostics/actions/nouvelle", Self.entry("Caisse", prerequisites: ["inconnue"]))
                #expect(unknown.status == .badRequest && unknown.body.contains("Prérequis inconnu : « inconnue »."))
                let magic = try await staff.post("/admin/diagnostics/actions/nouvelle", Self.entry("Caisse", competences: ["Magie"]))
                #expect(magic.status == .badRequest && magic.body.contains("Domaine de compétence inconnu : « Magie »."))
                #expect(try await DiagnosticActionRecord.query(on: app.db).count() == count)

                // Created: the key from the title, the cost read with its spaces, at the end.
                #expect(try await staff.post("/admin/diagnostics/actions/nouvelle", Self.entry("Caisse connectée", prerequisites: ["roadmap"])).status == .seeOther)
                let created = try #require(try await Self.record(app, "caisse-connectee"))
                let action = created.action
                #expect(action.cost == 120_000 && action.prerequisites == ["roadmap"] && action.competences == ["Cybersécurité"])
                #expect(action.gaps == [.technologyWithoutPeople] && action.impact == .high && action.effort == .low && action.grantEligible && action.dimension == .readiness)
                #expect(created.position == count, "after the others")
                #expect(try await staff.post("/admin/diagnostics/actions/nouvelle", Self.entry("Caisse connectée")).status == .seeOther)
                #expect(try await Self.record(app, "caisse-connectee-2") != nil)

                // Changed: the key stays.
                let edit = try await staff.get("/admin/diagnostics/actions/caisse-connectee")
                #expect(edit.status == .ok && edit.body.contains("caisse-connectee") && edit.body.contains("value=\"Caisse connectée\""))
                #expect(try await staff.post("/admin/diagnostics/actions/caisse-connectee", Self.entry("Caisse reliée", cost: "150 000", prerequisites: ["roadmap"])).status == .seeOther)
                let changed = try #require(try await Self.record(app, "caisse-connectee"))
                #expect(changed.title == "Caisse reliée" && changed.cost == 150_000)

                // A circle of prerequisites is refused: the roadmap would need the till that needs the roadmap.
                let roadmap = try #require(try await Self.record(app, "roadmap")).action
                var circle = DiagnosticCatalogueForm(roadmap)
                circle.prerequisites = ["caisse-connectee"]
                let fields = DiagnosticCatalogueForm.textFields.map { ($0, circle.values[$0] ?? "") } + circle.gaps.map { ("gaps", $0) }
                    + circle.prerequisites.map { ("prerequisites", $0) } + circle.competences.map { ("competences", $0) }
                let round = try await staff.post("/admin/diagnostics/actions/roadmap", fields)
                #expect(round.status == .badRequest && round.body.contains("Les prérequis tournent en rond"))
                #expect(try await Self.record(app, "roadmap")?.action == roadmap, "nothing saved")
            }
        }

        @Test func anEntryNeededByAnotherIsNotDeletedAndEntriesMoveUp() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let refused = try await staff.post("/admin/diagnostics/actions/roadmap/supprimer", [:])
                #expect(try await Self.record(app, "roadmap") != nil && refused.status == .seeOther)
                let list = try await staff.get("/admin/diagnostics/actions")
                #expect(list.body.contains("« Feuille de route numérique » ne peut pas être supprimée : « Plan de financement des projets » l&#39;a pour prérequis."))
                #expect(try await staff.post("/admin/diagnostics/actions/nouvelle", Self.entry("Éphémère")).status == .seeOther)
                #expect(try await staff.post("/admin/diagnostics/actions/ephemere/supprimer", [:]).status == .seeOther)
                #expect(try await Self.record(app, "ephemere") == nil)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "diagnostic_action").filter(\.$action == "delete").count() == 1)

                #expect(try await staff.post("/admin/diagnostics/actions/funding_plan/monter", [:]).status == .seeOther)
                let order = try await DiagnosticCatalogueQueries.actions(app.db, organisationID: try await Fixtures.organisationID(app)).filter { $0.dimension == .strategy }.map(\.key)
                #expect(order.prefix(2) == ["funding_plan", "roadmap"])
                #expect(try await staff.get("/admin/diagnostics/actions/inconnue").status == .notFound)
            }
        }
    }
}
