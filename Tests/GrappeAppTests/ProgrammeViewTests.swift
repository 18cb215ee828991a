import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// A programme's page rendered from its model alone: no database, no request.
@Suite struct ProgrammeViewTests {
    static func programme() -> Programme {
        let p = Programme(organisationID: UUID())
        p.id = UUID()
        p.name = "NuméRaï <2026>"
        p.slug = "numerai"
        p.about = "Ateliers **inclusifs** <script>x</script>"
        p.status = .running
        p.startsOn = FrenchDate.make(2026, 2, 1)
        p.endsOn = FrenchDate.make(2027, 5, 31)
        p.axesText = ""
        return p
    }

    static func action(_ p: Programme, on day: Date, commune: String, participants: Int) -> ProgrammeAction {
        let a = ProgrammeAction()
        a.id = UUID()
        a.$programme.id = p.id!
        a.date = day
        a.theme = "Premiers pas"
        a.commune = commune
        a.animators = ""
        a.participants = participants
        a.audiencesText = "handicap=4"
        a.durationMinutes = 120
        a.notes = ""
        return a
    }

    static func page(_ p: Programme, actions: [ProgrammeAction], staff: Bool, insider: Bool) -> ProgrammePage {
        let facts = ProgrammeQueries.facts(actions)
        return ProgrammePage(programme: p, actions: actions, indicators: [], consortium: [], companyNames: [:], funders: ["Province Sud (1 000 000 XPF)"],
                             partners: [], animators: ProgrammeQueries.animators(actions, companies: [:]),
                             months: Indicators.perMonth(facts, calendar: FrenchDate.calendar), communes: Indicators.perCommune(facts),
                             staff: staff, insider: insider)
    }

    @Test func aVisitorSeesTheFiguresWithoutTheStaffsTools() {
        let p = Self.programme()
        let actions = [Self.action(p, on: FrenchDate.make(2026, 3, 10), commune: "Poum", participants: 12),
                       Self.action(p, on: FrenchDate.make(2026, 4, 2), commune: "Poum", participants: 8)]
        let html = ProgrammeView.render(Self.page(p, actions: actions, staff: false, insider: false), csrf: .empty, indicatorForm: nil).raw
        #expect(html.contains("NuméRaï &lt;2026&gt;") && !html.contains("<script>x"), "escaped name and Markdown")
        #expect(html.contains("<strong>inclusifs</strong>"))
        #expect(html.contains("Actions (2)") && html.contains("<td>Poum</td><td class=\"num\">2</td><td class=\"num\">20</td>"))
        #expect(html.contains("Aucun indicateur."))
        #expect(!html.contains(Site.programmeFormEditForm.path(p.slug)) && !html.contains("Détail des actions"))
    }

    @Test func theStaffGetTheirButtonsAndTheDetail() {
        let p = Self.programme()
        let action = Self.action(p, on: FrenchDate.make(2026, 3, 10), commune: "Dumbéa", participants: 5)
        let html = ProgrammeView.render(Self.page(p, actions: [action], staff: true, insider: true), csrf: "<input name=\"_csrf\">",
                                        indicatorForm: "<form id=\"indicateur\"></form>").raw
        #expect(html.contains("href=\"\(Site.programmeFormEditForm.path(p.slug))\"") && html.contains("href=\"\(Site.actionImportForm.path(p.slug))\""))
        #expect(html.contains("Détail des actions") && html.contains("href=\"\(Site.actionEditForm.path(p.slug, action.id!))\""))
        #expect(html.contains("<form id=\"indicateur\"></form>"))
        #expect(html.contains("Province Sud (1 000 000 XPF)"))
    }

    @Test func anEmptyProgrammeSaysSo() {
        let html = ProgrammeView.render(Self.page(Self.programme(), actions: [], staff: false, insider: false), csrf: .empty, indicatorForm: nil).raw
        #expect(html.contains("Aucune action enregistrée.") && html.contains("Actions (0)"))
    }
}
