import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// A meeting's page drawn from a meeting in memory: no database, no request.
@Suite struct MeetingViewTests {
    static func meeting(group: Group?) -> Meeting {
        let m = Meeting(organisationID: UUID(), groupID: group?.id, institution: group == nil ? "Province Sud" : "", title: "Point <budget>",
                        startsAt: FrenchDate.make(2026, 4, 2), endsAt: FrenchDate.make(2026, 4, 2).addingTimeInterval(3600))
        m.id = UUID()
        return m
    }

    static func person(_ first: String) -> Person {
        let p = Person()
        p.id = UUID()
        p.firstName = first
        p.lastName = "Gope"
        return p
    }

    @Test func whoRunsTheMeetingMarksAttendanceAndEditsIt() {
        let g = Group(organisationID: UUID(), kind: .club, name: "Club Data", slug: "data", about: "", foundedOn: nil)
        g.id = UUID()
        let m = Self.meeting(group: g), p = Self.person("Eva")
        let page = MeetingPage(meeting: m, group: g, people: [p], statuses: [p.id!: .present])
        let lead = MeetingView.page(page, manage: true, form: FormState(), csrf: "<input name=\"_csrf\">").raw
        #expect(lead.contains("action=\"\(Site.meetingAttendance.path(m))\"><input name=\"_csrf\">"))
        #expect(lead.contains("name=\"p_\(p.id!.uuidString)\" value=\"present\" checked> Présent") && lead.contains("Présences (1 présent)"))
        #expect(lead.contains("action=\"\(Site.meetingUpdate.path(m))\"") && lead.contains("<h1>Point &lt;budget&gt;</h1>"))
        #expect(lead.contains("<a href=\"\(Site.groupShow.path(g))\">Club Data</a>"))
        let member = MeetingView.page(page, manage: false, form: FormState(), csrf: .empty).raw
        #expect(member.contains("<tr><td>Eva Gope</td><td>Présent</td></tr>") && !member.contains("<form"))
    }

    @Test func anInstitutionMeetingBelongsToGovernanceAndSaysWhatIsMissing() {
        let m = Self.meeting(group: nil)
        let html = MeetingView.page(MeetingPage(meeting: m, group: nil, people: [], statuses: [:]), manage: false, form: FormState(), csrf: .empty).raw
        #expect(html.contains("<a href=\"\(Site.governanceIndex.path())\">Gouvernance</a>") && html.contains(" · Province Sud · "))
        #expect(html.contains("Pas d&#39;ordre du jour.") && html.contains("Personne à pointer : ajoutez des membres au groupe."))
    }
}
