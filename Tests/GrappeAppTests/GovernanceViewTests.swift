import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The governance pages drawn from mandates in memory: no database, no request.
@Suite struct GovernanceViewTests {
    static let now = FrenchDate.make(2026, 3, 10)

    static func board() -> Group {
        let g = Group(organisationID: UUID(), kind: .board, name: "Conseil <d'administration>", slug: "ca", about: "", foundedOn: nil)
        g.id = UUID()
        return g
    }

    static func mandate(in group: Group, role: MandateRole = .president, elected: Date = FrenchDate.make(2023, 6, 1), company: String? = "Skazy") -> Mandate {
        let person = Person()
        person.id = UUID()
        person.firstName = "Léa"
        person.lastName = "Wamytan"
        let m = Mandate(groupID: group.id!, personID: person.id!, companyID: nil, role: role, electedOn: elected)
        m.id = UUID()
        m.$person.value = person
        m.$group.value = group
        m.$company.value = .some(company.map { name -> Company in
            let c = Company()
            c.name = name
            return c
        })
        return m
    }

    static func page(_ group: Group, _ mandates: [Mandate], meetings: [Meeting] = []) -> GovernancePage {
        GovernancePage(year: 2026, groups: [group], mandates: mandates, perMonth: Array(repeating: 0, count: 12),
                       institutions: meetings.isEmpty ? [] : [("Province Sud", meetings.count)], institutionMeetings: meetings, people: [])
    }

    @Test func seatsShowTheirHolderTermAndTheStaffTools() {
        let group = Self.board()
        let m = Self.mandate(in: group)  // ends 2026-06-01: within 90 days
        let page = Self.page(group, [m])
        let board = GovernanceView.index(page, staff: false, now: Self.now, csrf: .empty).raw
        #expect(board.contains("<h2><a href=\"\(Site.groupShow.path(group.slug))\">Conseil &lt;d&#39;administration&gt;</a></h2>"))
        #expect(board.contains("<a href=\"\(Site.mandateHistory.path())?personne=\(m.$person.id.uuidString)\">Léa Wamytan (Skazy)</a>"))
        #expect(board.contains("<a href=\"\(Site.mandateHistory.path())?role=president\">Président</a>") && board.contains("échéance proche"))
        #expect(!board.contains(Site.mandateEnd.path(m.id!)) && !board.contains("Enregistrer un mandat") && !board.contains(Site.meetingCreate.path()))
        #expect(board.contains("<a href=\"\(Site.governanceIndex.path())?annee=2025\">← 2025</a>") && board.contains("Aucune réunion tenue en 2026."))
        let staff = GovernanceView.index(page, staff: true, now: Self.now, csrf: "<input name=\"_csrf\">").raw
        #expect(staff.contains("action=\"\(Site.mandateEnd.path(m.id!))\" class=\"inline\" data-confirm=\"Terminer ce mandat ?\"><input name=\"_csrf\">"))
        #expect(staff.contains("Enregistrer un mandat (après une élection)") && staff.contains("action=\"\(Site.meetingCreate.path())\""))
        #expect(staff.contains("<a href=\"\(Site.mandateHistory.path())\">Historique des mandats</a>"))
    }

    @Test func anEndedSeatCannotBeEndedAgainAndEmptyInstancesSaySo() {
        let group = Self.board()
        let old = Self.mandate(in: group, elected: FrenchDate.make(2020, 1, 1))
        let html = GovernanceView.index(Self.page(group, [old]), staff: true, now: Self.now, csrf: .empty).raw
        #expect(html.contains("terminé") && !html.contains(Site.mandateEnd.path(old.id!)))
        let empty = GovernanceView.index(Self.page(group, []), staff: false, now: Self.now, csrf: .empty).raw
        #expect(empty.contains("Aucun mandat.") && empty.contains("Aucune réunion avec une institution en 2026."))
    }

    @Test func institutionMeetingsAreListedWithTheirLinks() {
        let group = Self.board()
        let meeting = Meeting(organisationID: UUID(), groupID: nil, institution: "Province Sud", title: "Budget <2026>",
                              startsAt: FrenchDate.make(2026, 2, 3), endsAt: FrenchDate.make(2026, 2, 3), status: .held)
        meeting.id = UUID()
        let html = GovernanceView.index(Self.page(group, [], meetings: [meeting]), staff: false, now: Self.now, csrf: .empty).raw
        #expect(html.contains("<a href=\"\(Site.meetingShow.path(meeting.id!))\">Budget &lt;2026&gt;</a>"))
        #expect(html.contains("<tr><td>Province Sud</td><td class=\"num\">1</td></tr>"))
    }

    @Test func theHistoryIsTitledByItsFilter() {
        let group = Self.board()
        let m = Self.mandate(in: group, role: .treasurer, company: nil)
        let all = GovernanceView.history([m], role: nil, person: false).raw
        #expect(all.contains("<h1>Tous les mandats</h1>") && all.contains("<td>Conseil &lt;d&#39;administration&gt;</td>"))
        #expect(all.contains("?personne=\(m.$person.id.uuidString)\">Léa Wamytan</a></td>"))
        #expect(GovernanceView.history([m], role: .treasurer, person: false).raw.contains("<h1>Mandats de trésorier</h1>"))
        #expect(GovernanceView.history([m], role: nil, person: true).raw.contains("<h1>Mandats de Léa Wamytan</h1>"))
        let none = GovernanceView.history([], role: nil, person: true).raw
        #expect(none.contains("<h1>Mandats de cette personne</h1>") && none.contains("Aucun mandat."))
    }
}
