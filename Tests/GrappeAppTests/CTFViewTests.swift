import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// Hackagou's pages drawn from values in memory: no database, no request.
@Suite struct CTFViewTests {
    static let now = FrenchDate.make(2026, 9, 15)

    static func board(_ categories: [(name: String, tiles: [CTFBoardPage.Tile])], running: Bool = true) -> CTFBoardPage {
        CTFBoardPage(editionTitle: "Hackagou 2026", theme: "L'Océan", teamName: "Les <Cagous>", score: 70, position: 2, teamCount: 5,
                     running: running, frozen: false, endsAt: now, categories: categories)
    }

    @Test func theBoardShowsTilesByCategoryAndTheTeamsState() {
        let html = CTFPlayView.board(Self.board([("Web", [.init(id: 7, name: "Récif <b>", value: 450, solves: 3, solvedByTeam: true, firstBlood: "A")])]), now: Self.now).raw
        #expect(html.contains("<h2>Web</h2>") && html.contains("href=\"\(Site.ctfChallenge.path(7))\"") && html.contains("Récif &lt;b&gt;"))
        #expect(html.contains("class=\"solved\"") && html.contains("450 pts") && html.contains("3 résolutions · résolu ✓"))
        #expect(html.contains("Les &lt;Cagous&gt;") && html.contains("2e") && html.contains("sur 5 équipes"))
        let closed = CTFPlayView.board(Self.board([], running: false), now: Self.now).raw
        #expect(closed.contains("Aucun défi n&#39;est encore ouvert.") && closed.contains("La compétition n'est pas en cours"))
    }

    @Test func theScoreboardSaysWhenItIsFrozenAndWhenItIsEmpty() {
        let rows = [CTFScoreboardPage.Row(position: 1, name: "Équipe <1>", bracket: "Étudiants", score: 300, solves: 2)]
        let frozen = CTFScoreboardPage(title: "Hackagou 2026", year: 2026, brackets: [(3, "Étudiants")], bracketID: 3, rows: rows,
                                       frozenAt: FrenchDate.at(Self.now, minutes: 16 * 60), chart: nil)
        let html = CTFPublicView.scoreboard(frozen, screen: false).raw
        #expect(html.contains("Classement gelé depuis 16:00") && html.contains("Équipe &lt;1&gt;"))
        #expect(html.contains("href=\"\(Site.ctfScoreboard.path(2026))?tranche=3\" aria-current=\"page\""))
        let empty = CTFScoreboardPage(title: "Hackagou 2026", year: 2026, brackets: [], bracketID: nil, rows: [], frozenAt: nil, chart: nil)
        let screen = CTFPublicView.scoreboard(empty, screen: true).raw
        #expect(screen.contains("Aucune équipe n&#39;a encore marqué.") && screen.contains("class=\"ctf-screen\" data-live=\"5\"") && !screen.contains("gelé"))
    }

    @Test func theScoreChartDrawsALinePerTeamWithATitle() {
        let from = FrenchDate.at(Self.now, minutes: 8 * 60)
        let chart = CTFScoreChart(title: "Score des 2 premières équipes", from: from, to: from.addingTimeInterval(3600), lines: [
            .init(name: "A <x>", points: [(from.addingTimeInterval(600), 100), (from.addingTimeInterval(1200), 250)]),
            .init(name: "B", points: [(from.addingTimeInterval(900), 100)])]).render().raw
        #expect(chart.contains("<title id=\"ctf-chart-title\">Score des 2 premières équipes</title>"))
        #expect(chart.components(separatedBy: "<path ").count == 3 && chart.contains("A &lt;x&gt; : 250 pts") && chart.contains("08:00") && chart.contains("09:00"))
    }

    @Test func theChallengeFormKeepsWhatWasTypedAndOffersTheOthersAsPrerequisites() {
        let e = CTFEdition()
        e.id = 1; e.year = 2026; e.number = 5; e.theme = "Océan"
        var f = CTFChallengeForm(form: FormState(values: ["name": "Lagon <script>", "scoring": "linear", "initial": "abc"]), requirements: [4])
        let c = CTFChallenge()
        let accepted = f.apply(to: c)
        #expect(!accepted)
        let html = CTFChallengeAdminView.render(.init(edition: e, challenge: nil, others: [(4, "Premier"), (5, "Second")], flags: [], hints: []),
                                                form: f, flagForm: FormState(), hintForm: FormState(), csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("value=\"Lagon &lt;script&gt;\"") && html.contains("Valeurs entières attendues") && html.contains("Indiquez la catégorie"))
        #expect(html.contains("name=\"requires[]\" value=\"4\" checked") && html.contains("name=\"requires[]\" value=\"5\">"))
        #expect(html.contains("action=\"\(Site.ctfAdminChallengeCreate.path(e))\"") && !html.contains("Ajouter le flag"), "flags come once the challenge exists")
    }
}
