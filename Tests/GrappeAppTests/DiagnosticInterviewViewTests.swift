import FluentKit
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

extension AppTests {
    /// The interview's pages drawn without a database: each kind of question with its stored
    /// answer, the informative local questions, the read-only closed interview, empty states and
    /// escaping of what the business and the advisor typed.
    @Suite struct DiagnosticInterviewViewTests {
        static func context(status: Diagnostic.Status = .inProgress, answers: [String: DiagnosticAnswer] = [:],
                            notes: [DiagnosticDimension: String] = [:], company: String = "Boutique <b>Kanak</b> & fils") throws -> DiagnosticInterviewContext {
            let r = DiagnosticRequest()
            r.id = UUID()
            r.companyName = company
            r.activity = .retail
            r.commune = "Koné"
            let d = Diagnostic(organisationID: UUID(), requestID: r.id!, questionnaireID: UUID(), startsAt: FrenchDate.make(2026, 10, 6).addingTimeInterval(9 * 3600))
            d.id = UUID()
            d.status = status
            d.$advisorUser.value = .some(nil)
            d.$advisorPerson.value = .some(nil)
            try d.store(answers: answers)
            try d.store(notes: notes)
            return DiagnosticInterviewContext(diagnostic: d, request: r, questionnaire: .v1, byStaff: true)
        }

        @Test func eachKindOfQuestionShowsItsStoredAnswer() throws {
            let answers: [String: DiagnosticAnswer] = [
                "q1_investments": .investment(["area2": .init(already: true), "area3": .init(planned: true)]),
                "q2_preparedness": .choices(["prep3"]),
                "q4_advanced_technologies": .scale(["adv1": 0, "adv7": 5]),
                "local_equipment": .triState(["eq2": .partly]),
                "local_visibility": .choices(["vis_none"]),
            ]
            let c = try Self.context(answers: answers)
            let strategy = DiagnosticInterviewView.step(c, dimension: .strategy, answers: answers, note: "", csrf: .empty).raw
            #expect(strategy.contains("name=\"q1_investments-area2-deja\" value=\"1\" checked") && strategy.contains("name=\"q1_investments-area3-prevu\" value=\"1\" checked"))
            #expect(!strategy.contains("name=\"q1_investments-area2-prevu\" value=\"1\" checked"))
            #expect(strategy.contains("name=\"q2_preparedness[]\" value=\"prep3\" checked") && !strategy.contains("value=\"prep1\" checked"))
            #expect(strategy.contains("Enregistrer et continuer") && strategy.contains("data-draft=\"grappe-entretien-\(c.id.uuidString)-strategy\""))

            let readiness = DiagnosticInterviewView.step(c, dimension: .readiness, answers: answers, note: "", csrf: .empty).raw
            #expect(readiness.contains("name=\"q4_advanced_technologies-adv1\" value=\"0\" checked") && readiness.contains("name=\"q4_advanced_technologies-adv7\" value=\"5\" checked"))
            #expect(readiness.contains("5 · Opérationnel") && readiness.contains("0 · Non utilisé"))
            #expect(readiness.contains("name=\"local_equipment-eq2\" value=\"partly\" checked") && !readiness.contains("name=\"local_equipment-eq1\" value=\"no\" checked"))
            #expect(readiness.contains("class=\"choice exclusive\"><input type=\"checkbox\" name=\"local_visibility[]\" value=\"vis_none\" checked>"))
            #expect(readiness.contains("question locale · informative, hors score"), "local questions are marked informative")
            #expect(readiness.contains("0 non utilisé, 1 envisagé"), "the help text")
        }

        /// The step's form names its draft and what the server holds; the served script reads both.
        @Test func theScriptKeepsDraftsOfTheFormsThatAskForIt() throws {
            let page = DiagnosticInterviewView.step(try Self.context(), dimension: .green, answers: [:], note: "", csrf: .empty).raw
            #expect(page.contains("data-draft-base=\""))
            #expect(Assets.script.contains("querySelectorAll('form[data-draft]')") && Assets.script.contains("getAttribute('data-draft-base')")
                && Assets.script.contains("localStorage"))
        }

        @Test func aCraftBusinessIsNotAskedTheShopsQuestion() throws {
            let c = try Self.context()
            c.request.activity = .craft
            let readiness = DiagnosticInterviewView.step(c, dimension: .readiness, answers: [:], note: "", csrf: .empty).raw
            #expect(!readiness.contains("local_visibility") && readiness.contains("local_equipment"))
        }

        @Test func theCompanyNameAndTheNotesAreEscaped() throws {
            let c = try Self.context(notes: [.data: "<script>alert(1)</script> & sauvegardes"])
            let overview = DiagnosticInterviewView.overview(c, csrf: .empty).raw
            #expect(overview.contains("Boutique &lt;b&gt;Kanak&lt;/b&gt; &amp; fils") && !overview.contains("<b>Kanak</b>"))
            #expect(overview.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; sauvegardes") && !overview.contains("<script>alert"))
            let step = DiagnosticInterviewView.step(c, dimension: .data, answers: [:], note: "<script>x</script>", csrf: .empty).raw
            #expect(step.contains(">&lt;script&gt;x&lt;/script&gt;</textarea>"))
        }

        @Test func emptyStatesAndTheOverviewsSteps() throws {
            let c = try Self.context()
            let overview = DiagnosticInterviewView.overview(c, csrf: .empty).raw
            #expect(overview.contains("Aucune note pour le moment."))
            #expect(overview.contains("0 réponse sur 2 questions") && overview.contains("Clore l&#39;entretien"))
            #expect(overview.contains("href=\"/entretiens/\(c.id.uuidString)/etapes/green\""), "every step can be resumed")
            let planned = DiagnosticInterviewView.overview(try Self.context(status: .planned), csrf: .empty).raw
            #expect(planned.contains("Commencer l&#39;entretien") && !planned.contains("/etapes/"))
        }

        @Test func aClosedInterviewIsReadOnly() throws {
            let c = try Self.context(status: .closed, answers: ["q2_preparedness": .choices(["prep1"])])
            let page = DiagnosticInterviewView.step(c, dimension: .strategy, answers: c.diagnostic.storedAnswers, note: "", csrf: .empty).raw
            #expect(page.contains("<fieldset class=\"interview-body\" disabled>") && page.contains("value=\"prep1\" checked"))
            #expect(!page.contains("Enregistrer") && !page.contains("data-draft"))
            #expect(DiagnosticInterviewView.overview(c, csrf: .empty).raw.contains("les réponses ne se modifient plus"))
        }
    }
}
