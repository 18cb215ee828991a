import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The general assembly's page drawn from voters, attendance and resolutions in memory: no
/// database, no request.
@Suite struct AssemblyViewTests {
    static let csrf: HTML = "<input name=\"_csrf\">"

    static func loaded(assembly: Bool) -> AssemblyController.Loaded {
        let event = ClusterEvent(organisationID: UUID(), kind: .generalAssembly, title: "AG <2026>",
                                 startsAt: FrenchDate.make(2026, 6, 20), endsAt: FrenchDate.make(2026, 6, 20))
        event.id = UUID()
        let a = Assembly(eventID: event.id!, quorumPercent: 60, maxProxies: 3)
        a.id = UUID()
        return AssemblyController.Loaded(event: event, assembly: assembly ? a : nil, year: 2026)
    }

    static let present = AssemblyQueries.Voter(companyID: UUID(), name: "Skazy <SAS>", holder: "Léa Wamytan", holderEmail: nil)
    static let absent = AssemblyQueries.Voter(companyID: UUID(), name: "Atelier", holder: nil, holderEmail: nil)

    static func render(_ l: AssemblyController.Loaded, staff: Bool, error: String? = nil) -> String {
        let attendance = AssemblyAttendance(assemblyID: l.assembly?.id ?? UUID(), companyID: Self.present.companyID, status: .present, proxyID: nil)
        let resolution = Resolution(assemblyID: UUID(), position: 1, title: "Budget <2027>", votesFor: 5, votesAgainst: 1, abstentions: 0)
        return AssemblyView.render(l, voters: [Self.present, Self.absent], attendance: [attendance], resolutions: [resolution],
                                   error: error, staff: staff, csrf: Self.csrf).raw
    }

    @Test func theStaffRunTheAssemblyFromItsForms() {
        let l = Self.loaded(assembly: true)
        let e = l.event
        let html = Self.render(l, staff: true)
        #expect(html.contains("<a href=\"\(Site.eventShow.path(e))\">AG &lt;2026&gt;</a> › <span aria-current=\"page\">Assemblée</span>"))
        #expect(html.contains("<form method=\"post\" action=\"\(Site.assemblySettings.path(e))\" class=\"inline-form\">\(Self.csrf.raw)") && html.contains("value=\"60\""))
        #expect(html.contains("action=\"\(Site.assemblyConvene.path(e))\" class=\"inline\" data-confirm=\"Envoyer la convocation ?\">\(Self.csrf.raw)<button class=\"secondary\">Envoyer la convocation à chaque titulaire</button>"))
        #expect(html.contains("<form method=\"post\" action=\"\(Site.assemblyAttendance.path(e))\">\(Self.csrf.raw)") && html.contains("name=\"a_\(Self.present.companyID.uuidString)\""))
        #expect(html.contains("<form method=\"post\" action=\"\(Site.assemblyResolution.path(e))\" class=\"inline-form\">\(Self.csrf.raw)"))
        #expect(html.contains("<td>Budget &lt;2027&gt;</td>") && html.contains("<span class=\"badge badge-ok\">adoptée</span>"))
        #expect(html.contains("<li><span>Quorum (60 %)</span>") && html.contains("3 pouvoirs au plus par adhérent présent"))
    }

    @Test func theBoardReadsTheAttendanceWithoutForms() {
        let html = Self.render(Self.loaded(assembly: true), staff: false, error: "Quorum <invalide>")
        #expect(html.contains("<tr><td>Skazy &lt;SAS&gt;</td><td>Léa Wamytan</td><td>Présent</td></tr>"))
        #expect(html.contains("<tr><td>Atelier</td><td>—</td><td>Absent</td></tr>"))
        #expect(html.contains("<p class=\"flash flash-error\" role=\"alert\">Quorum &lt;invalide&gt;</p>"))
        #expect(!html.contains("<form") && !html.contains("convocation à chaque titulaire"))
    }

    @Test func anAssemblyWithoutVotersOrVotesSaysSo() {
        let l = Self.loaded(assembly: false)
        let html = AssemblyView.render(l, voters: [], attendance: [], resolutions: [], error: nil, staff: true, csrf: .empty).raw
        #expect(html.contains("Aucun adhérent à jour de sa cotisation 2026.") && html.contains("Aucune résolution votée."))
        #expect(html.contains("<li><span>Quorum (50 %)</span>") && html.contains("2 pouvoirs au plus"), "the default rules before any change")
        #expect(!html.contains(Site.assemblyAttendance.path(l.event)) && html.contains(Site.assemblyResolution.path(l.event)))
    }
}
