import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The staff's diagnostic tools drawn without a database: empty states, escaping, what a
/// published version and a draft offer, the settings' provinces, the outcome's section.
@Suite struct DiagnosticToolViewTests {
    let csrf: HTML = "<input type=\"hidden\" name=\"_csrf\" value=\"t\">"

    func version(_ status: QuestionnaireVersion.Status, title: String = "Questionnaire <v1>") throws -> (QuestionnaireVersion, DiagnosticQuestionnaire) {
        var q = DiagnosticQuestionnaire.v1
        q.title = title
        return (try QuestionnaireVersion(organisationID: UUID(), questionnaire: q, status: status), q)
    }

    @Test func emptyListsSaySo() {
        #expect(DiagnosticQuestionnaireView.list([], currentID: nil).raw.contains("Aucune version du questionnaire."))
        #expect(DiagnosticCatalogueView.list([], csrf: csrf).raw.contains("Le catalogue est vide."))
    }

    @Test func aPublishedVersionIsReadOnlyAndOffersACopy() throws {
        let (v, q) = try version(.published)
        let html = DiagnosticQuestionnaireView.show(v, q, isCurrent: true, diagnostics: 3, attempt: nil, csrf: csrf).raw
        #expect(html.contains("Questionnaire &lt;v1&gt;") && !html.contains("Questionnaire <v1>"))
        #expect(html.contains("Créer une nouvelle version à partir de celle-ci") && html.contains("3 diagnostics menés avec cette version"))
        #expect(html.contains("Question Q11 du DMA") && html.contains("Question locale, informative") && !html.contains("Enregistrer la question"))
        #expect(html.contains("scores comparables au DMA européen"))
    }

    @Test func aDraftHasAFormPerQuestionAndKeepsWhatWasTyped() throws {
        let (v, q) = try version(.draft)
        let key = q.questions[1].key
        let attempt = DiagnosticQuestionnaireView.Attempt(form: FormState(values: ["\(key).title": "<script>x</script>"], errors: [:]),
                                                          questionKey: key, problems: ["Question « <b> » : le titre est obligatoire."])
        let html = DiagnosticQuestionnaireView.show(v, q, isCurrent: false, diagnostics: 0, attempt: attempt, csrf: csrf).raw
        #expect(html.contains("value=\"&lt;script&gt;x&lt;/script&gt;\"") && !html.contains("<script>x"))
        #expect(html.contains("Question « &lt;b&gt; » : le titre est obligatoire.") && html.contains("Publier") && html.contains("Ajouter une question locale"))
        #expect(html.contains("Retirer cette question locale") && html.components(separatedBy: "Retirer cette question locale").count - 1 == q.questions.filter(\.isLocal).count)
        #expect(html.contains("aucun diagnostic mené avec cette version"))
    }

    @Test func theCatalogueEscapesAndShowsItsFields() {
        let action = DiagnosticAction(key: "a", title: "Site <b>vitrine</b>", dimension: .readiness, gaps: [.dataWithoutSecurity], impact: .high, effort: .low,
                                      cost: 150_000, grantEligible: true, prerequisites: ["b"], competences: ["Web & <mobile>"])
        let other = DiagnosticAction(key: "b", title: "Feuille de route", dimension: .strategy, impact: .high, effort: .medium, cost: 0, grantEligible: false)
        let list = DiagnosticCatalogueView.list([action, other], csrf: csrf).raw
        #expect(list.contains("Site &lt;b&gt;vitrine&lt;/b&gt;") && list.contains(Money.xpf(150_000)) && list.contains("Données sans sécurité"))
        #expect(list.contains("Web &amp; &lt;mobile&gt;") && list.contains("<td>Feuille de route</td>"), "prerequisites by their title")
        var typed = DiagnosticCatalogueForm(action)
        typed.values["cost"] = "1.5 <x>"
        let form = DiagnosticCatalogueView.form(key: nil, typed, errors: ["cost": "Le coût indicatif doit être un montant entier."], others: [other],
                                                domains: ["Web & <mobile>"], csrf: csrf).raw
        #expect(form.contains("value=\"1.5 &lt;x&gt;\"") && form.contains("Le coût indicatif doit être un montant entier.") && form.contains("aria-invalid=\"true\""))
        #expect(form.contains("value=\"Web &amp; &lt;mobile&gt;\" checked") && form.contains("value=\"b\""))
    }

    @Test func theSettingsGroupTheCommunesByProvince() {
        let typed = DiagnosticSettingsForm(rules: .provinceSud, retentionMonths: 36)
        let html = DiagnosticSettingsView.page(typed, problems: ["Choisissez au moins une <commune>."], csrf: csrf).raw
        for province in Province.allCases { #expect(html.contains(province.name)) }
        #expect(html.contains("value=\"Nouméa\" checked") && html.contains("value=\"Lifou\">") && html.contains("Choisissez au moins une &lt;commune&gt;."))
        #expect(html.contains("value=\"\(Money.grouped(250_000))\"") && html.contains("value=\"50\""))
    }

    @Test func theOutcomeShowsTheEstimateAndTheFollowUp() {
        let d = Diagnostic(organisationID: UUID(), requestID: UUID(), questionnaireID: UUID(), startsAt: FrenchDate.make(2026, 3, 16))
        d.status = .closed
        let grant = DiagnosticGrant.assess(.init(activity: .craft, commune: "Ville <inconnue>", headcount: 2, ridet: "1234567.001"), actions: [], rules: .provinceSud)
        let closed = FrenchDate.make(2026, 3, 16)
        let model = DiagnosticOutcomeView.Model(requestID: UUID(), diagnostic: d, grant: grant, followUpWindow: DiagnosticComparison.followUpWindow(after: closed),
                                                suggestedFollowUp: FrenchDate.make(2026, 9, 16))
        let html = DiagnosticOutcomeView.section(model, form: FormState(), csrf: csrf).raw
        #expect(html.contains("Non éligible : Commune inconnue : « Ville &lt;inconnue&gt; »") && html.contains("Aucune demande enregistrée"))
        #expect(html.contains("entre le mercredi 16 septembre 2026 et le mardi 16 mars 2027") && html.contains("Planifier un diagnostic de suivi"))
    }
}
