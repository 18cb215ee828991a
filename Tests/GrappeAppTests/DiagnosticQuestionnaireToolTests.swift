import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// The staff's questionnaire versions over HTTP: a draft copied from v1, its questions changed
    /// (refusals with the domain's words, nothing saved), local questions added and removed, DMA
    /// ones kept, the publication, and planning that follows the latest published version.
    @Suite struct DiagnosticQuestionnaireToolTests {
        static func version(_ app: Application, _ number: Int) async throws -> QuestionnaireVersion {
            try #require(try await QuestionnaireVersion.query(on: app.db).filter(\.$version == number).first())
        }

        static func plan(_ staff: TestClient, _ app: Application, company: String) async throws -> Diagnostic {
            let r = try await DiagnosticPlanningTests.request(app, company: company)
            let key = try await DiagnosticPlanningTests.staffKey(app)
            let planned = try await staff.post("/admin/diagnostics/\(r.id!.uuidString)/planifier", ["advisor": key, "date": "2026-10-06", "time": "09:00"])
            #expect(planned.status == .seeOther)
            return try #require(try await Diagnostic.query(on: app.db).filter(\.$request.$id == r.id!).first())
        }

        @Test func aDraftIsCopiedEditedPublishedAndUsedByTheNextPlanning() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let v1 = try await Self.version(app, 1)
                let first = try await Self.plan(staff, app, company: "Avant")
                #expect(first.$questionnaire.id == v1.id)

                let list = try await staff.get("/admin/diagnostics/questionnaires")
                #expect(list.status == .ok && list.body.contains("Version 1") && list.body.contains("Publiée, en usage"))
                let shown = try await staff.get("/admin/diagnostics/questionnaires/1")
                #expect(shown.status == .ok && shown.body.contains("Question Q1 du DMA") && shown.body.contains("Question locale, informative"))
                #expect(shown.body.contains("Créer une nouvelle version à partir de celle-ci") && shown.body.contains("1 diagnostic mené avec cette version"))

                // The copy: a draft v2 with the same questions.
                let copied = try await staff.post("/admin/diagnostics/questionnaires/1/copier", [:])
                #expect(copied.status == .seeOther && copied.location == "/admin/diagnostics/questionnaires/2")
                var v2 = try await Self.version(app, 2)
                #expect(try v2.status == .draft && v2.questionnaire().questions == v1.questionnaire().questions)
                // One draft at a time.
                #expect(try await staff.post("/admin/diagnostics/questionnaires/1/copier", [:]).status == .seeOther)
                #expect(try await QuestionnaireVersion.query(on: app.db).count() == 2)

                // A change the domain refuses: shown with its words, typed values kept, nothing saved.
                let q2 = try #require(try v2.questionnaire().question(dma: 2))
                let option = try #require(q2.options.first(where: { !$0.exclusive }))
                let path = "/admin/diagnostics/questionnaires/2/questions/\(q2.key)"
                let tooMany = try await staff.post(path, ["\(q2.key).points.\(option.key)": "11", "\(q2.key).title": "Titre <tapé>"])
                #expect(tooMany.status == .badRequest && tooMany.body.contains("vaut 11 points ; les points vont de 0 à 10."))
                #expect(tooMany.body.contains("value=\"11\"") && tooMany.body.contains("value=\"Titre &lt;tapé&gt;\""))
                let decimal = try await staff.post(path, ["\(q2.key).points.\(option.key)": "1,5"])
                #expect(decimal.status == .badRequest && decimal.body.contains("Un nombre entier de points, de 0 à 10."))
                let untitled = try await staff.post(path, ["\(q2.key).title": "  "])
                #expect(untitled.status == .badRequest && untitled.body.contains("le titre est obligatoire."))
                v2 = try await Self.version(app, 2)
                #expect(try v2.questionnaire() == v1.questionnaire().copy(toVersion: 2), "nothing saved")

                // Accepted: the draft changes, v1 does not.
                let saved = try await staff.post(path, ["\(q2.key).title": "Préparation <revue>", "\(q2.key).points.\(option.key)": "2"])
                #expect(saved.status == .seeOther)
                v2 = try await Self.version(app, 2)
                let edited = try #require(try v2.questionnaire().question(q2.key))
                #expect(edited.title == "Préparation <revue>" && edited.options.first(where: { $0.key == option.key })?.points == 2)
                #expect(try await Self.version(app, 1).questionnaire().question(q2.key) == q2)
                #expect(try await staff.get("/admin/diagnostics/questionnaires/2").body.contains("value=\"Préparation &lt;revue&gt;\""))

                // A published version never changes.
                #expect(try await staff.post("/admin/diagnostics/questionnaires/1/questions/\(q2.key)", ["\(q2.key).title": "Non"]).status == .seeOther)
                #expect(try await Self.version(app, 1).questionnaire().question(q2.key) == q2)

                // A DMA question stays; a local one goes; a local one is added.
                _ = try await staff.post(path + "/supprimer", [:])
                #expect(try await Self.version(app, 2).questionnaire().question(q2.key) != nil)
                let local = try #require(try v1.questionnaire().questions.first(where: { $0.isLocal }))
                #expect(try await staff.post("/admin/diagnostics/questionnaires/2/questions/\(local.key)/supprimer", [:]).status == .seeOther)
                #expect(try await Self.version(app, 2).questionnaire().question(local.key) == nil)
                let refused = try await staff.post("/admin/diagnostics/questionnaires/2/questions", ["dimension": "data", "kind": "tri_state", "title": "", "text": "Gardé <ici>", "labels": ""])
                #expect(refused.status == .badRequest && refused.body.contains("Le titre est obligatoire.") && refused.body.contains("Gardé &lt;ici&gt;"))
                let added = try await staff.post("/admin/diagnostics/questionnaires/2/questions",
                                                 ["dimension": "data", "kind": "tri_state", "title": "Caisse enregistreuse", "text": "Votre caisse est-elle reliée ?", "labels": "Une caisse\nUn terminal de paiement"])
                #expect(added.status == .seeOther)
                let caisse = try #require(try await Self.version(app, 2).questionnaire().question("caisse-enregistreuse"))
                #expect(caisse.isLocal && caisse.role == .informative && caisse.rows.map(\.label) == ["Une caisse", "Un terminal de paiement"])

                // Published: the next planning takes v2, the first diagnostic keeps v1.
                #expect(try await staff.post("/admin/diagnostics/questionnaires/2/publier", [:]).status == .seeOther)
                v2 = try await Self.version(app, 2)
                #expect(v2.status == .published)
                let second = try await Self.plan(staff, app, company: "Après")
                #expect(second.$questionnaire.id == v2.id)
                #expect(try await Diagnostic.find(first.id, on: app.db)?.$questionnaire.id == v1.id)
                let after = try await staff.get("/admin/diagnostics/questionnaires")
                #expect(after.body.contains("Publiée, en usage") && after.body.components(separatedBy: "Publiée, en usage").count == 2)
            }
        }

        @Test func onlyTheStaffReachTheTools() async throws {
            try await withGrappe { app in
                let visitor = TestClient(app)
                for path in ["/admin/diagnostics/questionnaires", "/admin/diagnostics/actions", "/admin/diagnostics/reglages", "/admin/diagnostics/questionnaires/1"] {
                    #expect(try await visitor.get(path).location?.hasPrefix("/connexion") == true, "\(path)")
                }
                _ = try await Fixtures.member(app, name: "Ma Société", login: "moi@ma-societe.example")
                let member = TestClient(app)
                try await member.login("moi@ma-societe.example", Fixtures.password)
                try await Fixtures.user(app, email: "joueur@hackagou.example", role: .player)
                let player = TestClient(app)
                try await player.login("joueur@hackagou.example", Fixtures.password)
                for client in [member, player] {
                    #expect(try await client.get("/admin/diagnostics/questionnaires").status == .forbidden)
                    #expect(try await client.get("/admin/diagnostics/actions").status == .forbidden)
                    #expect(try await client.get("/admin/diagnostics/reglages").status == .forbidden)
                    #expect(try await client.post("/admin/diagnostics/questionnaires/1/copier", [:]).status == .forbidden)
                    #expect(try await client.post("/admin/diagnostics/actions/nouvelle", ["title": "Intrus", "cost": "0", "dimension": "data", "impact": "2", "effort": "2"]).status == .forbidden)
                    #expect(try await client.post("/admin/diagnostics/actions/roadmap/supprimer", [:]).status == .forbidden)
                    #expect(try await client.post("/admin/diagnostics/reglages", ["ratePercent": "90", "cap": "1 000 000", "retentionMonths": "12"]).status == .forbidden)
                    #expect(try await client.post("/admin/diagnostics/\(UUID().uuidString)/aide", ["grantStatus": "asked"]).status == .forbidden)
                    #expect(try await client.post("/admin/diagnostics/\(UUID().uuidString)/suivi", [:]).status == .forbidden)
                }
                #expect(try await QuestionnaireVersion.query(on: app.db).count() == 1)
                #expect(try await DiagnosticActionRecord.query(on: app.db).filter(\.$key == "roadmap").count() == 1)
                #expect(try await DiagnosticActionRecord.query(on: app.db).filter(\.$title == "Intrus").count() == 0)
                #expect(try await DiagnosticSettings.query(on: app.db).count() == 0)
            }
        }
    }
}
