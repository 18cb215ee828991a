import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The group pages drawn from groups in memory: no database, no request.
@Suite struct GroupViewTests {
    static func group(_ kind: GroupKind = .commission, name: String = "Commission <Cyber>") -> Group {
        let g = Group(organisationID: UUID(), kind: kind, name: name, slug: "cyber", about: "", foundedOn: nil)
        g.id = UUID()
        return g
    }

    static func member(of g: Group, _ first: String, status: GroupMember.Status = .member) -> GroupMember {
        let p = Person()
        p.id = UUID()
        p.firstName = first
        p.lastName = "Kaloi"
        let m = GroupMember(groupID: g.id!, personID: p.id!, role: "", status: status)
        m.$person.value = p
        return m
    }

    static func page(_ g: Group, members: [GroupMember] = [], requests: [GroupMember] = []) -> GroupPage {
        GroupPage(group: g, year: 2026, members: members, requests: requests, meetings: [], stats: GroupYearStats(), people: nil)
    }

    static func access(manage: Bool) -> GroupView.Access {
        GroupView.Access(inside: true, manage: manage, mine: nil, canAsk: false)
    }

    @Test func theListShowsEachKindAndTheStaffButtons() {
        let g = Self.group()
        var stats = GroupYearStats()
        stats.averageAttendance = 4.5
        let html = GroupView.index([g], stats: [g.id!: stats], year: 2026, insider: true, staff: true).raw
        #expect(html.contains("<h2>Commissions</h2>") && html.contains("<a href=\"\(Site.groupShow.path(g))\">Commission &lt;Cyber&gt;</a>"))
        #expect(html.contains("<td class=\"num\">4,5</td>") && html.contains("href=\"\(Site.groupFormNewForm.path())\""))
        let member = GroupView.index([g], stats: [:], year: 2026, insider: false, staff: false).raw
        #expect(!member.contains(Site.groupFormNewForm.path()) && !member.contains("Bénévolat</a>"))
        #expect(GroupView.index([], stats: [:], year: 2026, insider: false, staff: false).raw.contains("Aucun groupe."))
    }

    @Test func aClosedClubOffersToAskOrSaysTheRequestWaits() {
        let club = Self.group(.club, name: "Club Swift")
        let ask = GroupView.outside(group: club, access: .init(inside: false, manage: false, mine: nil, canAsk: true), csrf: "<input name=\"_csrf\">").raw
        #expect(ask.contains("action=\"\(Site.clubRequestAsk.path(club))\"><input name=\"_csrf\">") && ask.contains("Ce club est fermé"))
        let waiting = GroupView.outside(group: club, access: .init(inside: false, manage: false, mine: .pending, canAsk: true), csrf: .empty).raw
        #expect(waiting.contains("Votre demande est en attente") && !waiting.contains("<form"))
    }

    @Test func managersGetTheToolsAndTheRequests() {
        let g = Self.group()
        let m = Self.member(of: g, "Ana<ïs>"), r = Self.member(of: g, "Rémi", status: .pending)
        let page = Self.page(g, members: [m], requests: [r])
        let pages = Pagination(page: 1, perPage: GroupView.membersPerPage, total: 1)
        let lead = GroupView.page(page, access: Self.access(manage: true), pages: pages, csrf: .empty).raw
        #expect(lead.contains("<td>Ana&lt;ïs&gt; Kaloi</td>") && lead.contains("action=\"\(Site.groupToggleMember.path(g, m.$person.id))\""))
        #expect(lead.contains("action=\"\(Site.clubRequestAccept.path(g, r.$person.id))\"") && lead.contains("action=\"\(Site.clubRequestDecline.path(g, r.$person.id))\""))
        #expect(lead.contains("href=\"\(Site.groupFormEditForm.path(g))\">Modifier</a>") && lead.contains("action=\"\(Site.groupAddMember.path(g))\""))
        #expect(lead.contains("action=\"\(Site.volunteerAddForGroup.path(g))\"") && lead.contains("Aucune réunion en 2026."))
        let reader = GroupView.page(Self.page(g, members: [m]), access: Self.access(manage: false), pages: pages, csrf: .empty).raw
        #expect(reader.contains("Ana&lt;ïs&gt; Kaloi") && !reader.contains("<form") && !reader.contains(Site.groupFormEditForm.path(g)))
        let empty = GroupView.page(Self.page(g), access: Self.access(manage: false), pages: Pagination(page: 1, total: 0), csrf: .empty).raw
        #expect(empty.contains("Aucun membre.") && empty.contains("<p class=\"lead\">Commission</p>"))
    }

    @Test func theGroupFormLetsOnlyStaffChooseTheKind() {
        let form = FormState(values: ["name": "Club <IA>", "weekday": "5"])
        let staff = GroupFormView.form(title: "Nouveau groupe", action: Site.groupFormCreate.path(), form: form, chooseKind: true, csrf: .empty).raw
        #expect(staff.contains("<form method=\"post\" action=\"\(Site.groupFormCreate.path())\"") && staff.contains("name=\"kind\""))
        #expect(staff.contains("value=\"Club &lt;IA&gt;\"") && staff.contains("<option value=\"5\" selected>jeudi</option>"))
        let lead = GroupFormView.form(title: "Modifier", action: Site.groupFormUpdate.path("ia"), form: form, chooseKind: false, csrf: .empty).raw
        #expect(!lead.contains("name=\"kind\"") && lead.contains("action=\"\(Site.groupFormUpdate.path("ia"))\""))
    }
}
