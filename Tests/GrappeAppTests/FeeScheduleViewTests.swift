import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The fee schedule pages drawn from schedules in memory: no database, no request.
@Suite struct FeeScheduleViewTests {
    static func schedule(_ year: Int) -> FeeSchedule {
        let s = FeeSchedule(organisationID: UUID(), year: year, proRataRule: .quarters, paymentDays: 45)
        s.id = UUID()
        let small = FeeScheduleBracket(scheduleID: s.id!, bracket: FeeBracket(category: .core, minHeadcount: 0, maxHeadcount: 10, amount: 30_000))
        let large = FeeScheduleBracket(scheduleID: s.id!, bracket: FeeBracket(category: .core, minHeadcount: 11, maxHeadcount: nil, amount: 90_000))
        s.$brackets.value = [large, small]
        return s
    }

    @Test func theListShowsEachYearAndTheStaffsTools() {
        let html = FeeScheduleView.list([Self.schedule(2026)], next: 2027, staff: true).raw
        #expect(html.contains("<h2>Barème 2026</h2><p>Adhésion en cours d'année : Au prorata des trimestres restants · paiement à 45 jours</p>"))
        // Brackets in headcount order, within their category.
        #expect(html.contains("<tr><td>0 à 10 salariés</td><td class=\"num\">\(Money.xpf(30_000))</td></tr><tr><td>plus de 10 salariés</td>"))
        #expect(html.contains("href=\"\(Site.feeScheduleEdit.path(2026))\">Modifier</a>"))
        #expect(html.contains("href=\"\(Site.feeScheduleEdit.path(2027))\">Créer le barème 2027</a>"))
        let board = FeeScheduleView.list([Self.schedule(2026)], next: 2027, staff: false).raw
        #expect(!board.contains("Modifier") && !board.contains("Créer le barème"))
        #expect(FeeScheduleView.list([], next: 2026, staff: false).raw.contains("<p>Aucun barème.</p>"))
    }

    @Test func theFormKeepsWhatWasTypedAndSaysWhatIsWrong() {
        let form = FormState(values: ["core_min_0": "0", "core_amount_0": "\"><script>", "paymentDays": "30", "rule": "quarters"],
                             errors: ["grid": "Cœur de filière, ligne 1 : montant <invalide>."])
        let html = FeeScheduleView.form(year: 2027, form: form, csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("<form method=\"post\" action=\"\(Site.feeScheduleSave.path(2027))\"><input name=\"_csrf\">"))
        #expect(html.contains("name=\"core_amount_0\" value=\"&quot;&gt;&lt;script&gt;\"") && !html.contains("<script>"))
        #expect(html.contains("<p class=\"flash flash-error\" role=\"alert\">Cœur de filière, ligne 1 : montant &lt;invalide&gt;.</p>"))
        #expect(html.contains("<option value=\"quarters\" selected>"))
        #expect(html.contains("name=\"partner_amount_\(FeeScheduleView.rowsPerCategory - 1)\"") && !html.contains("name=\"core_min_\(FeeScheduleView.rowsPerCategory)\""))
    }
}
